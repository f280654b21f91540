/** Activities shaped like the ones Teams (and the Agents Playground) send, for driving the real endpoint. */
export const TENANT_ID = '7f3e5a1c-2b4d-4e6f-8a9b-0c1d2e3f4a5b';
export const BOT = { id: '28:ai-posture-bot', name: 'AI Posture Bot' };
export const USER = { id: 'user-id-0', name: 'Priya Shah', aadObjectId: '1a0b0c0d-0000-4000-8000-000000000001' };

let counter = 0;

export function activity(serviceUrl: string, fields: Record<string, unknown>, conversationId = 'personal-chat-priya'): Record<string, unknown> {
  counter++;
  return {
    id: `incoming-${counter}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: USER,
    recipient: BOT,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    ...fields,
  };
}

export const install = (serviceUrl: string, conversationId?: string) =>
  activity(serviceUrl, { type: 'installationUpdate', action: 'add' }, conversationId);
export const uninstall = (serviceUrl: string, conversationId?: string) =>
  activity(serviceUrl, { type: 'installationUpdate', action: 'remove' }, conversationId);
export const message = (serviceUrl: string, text: string, conversationId?: string) =>
  activity(serviceUrl, { type: 'message', text }, conversationId);
