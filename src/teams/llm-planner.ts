import {
  ActionPlanner,
  AI,
  OpenAIModel,
  Prompt,
  PromptManager,
  SystemMessage,
  ToolsAugmentation,
  TurnState,
  UserMessage,
  type PredictedDoCommand,
  type PromptTemplate,
} from '@microsoft/teams-ai';
import { BotAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import type { ClientOptions } from 'openai';
import type { Understander } from '../answers/understander';
import type { CatalogIntent } from '../domain/intents';
import { log } from '../log';
import { guard, stripMentions, type AskContext, type Understanding } from '../nlu';
import { checkToolCall, intentTools, SYSTEM_PROMPT, type ModelSlot } from '../nlu/llm';

export interface AzureOpenAISettings {
  /** https://<resource>.openai.azure.com */
  endpoint: string;
  deployment: string;
  apiKey: string;
}

export interface LlmPlannerOptions {
  settings: AzureOpenAISettings;
  /** NLP.js: answers whenever the model fails or its choice is refused. */
  fallback: Understander;
  resourceNames: readonly string[];
  slotsByIntent?: Partial<Record<CatalogIntent, readonly ModelSlot[]>>;
  /** Tests: an https.Agent trusting the local stub's certificate. */
  clientOptions?: ClientOptions;
}

export type PlanResult = { ok: true; understanding: Understanding } | { ok: false; reason: string };

const PROMPT = 'ask';
// Tool calling needs 2023-12-01-preview or later; this is a GA version with tools.
const API_VERSION = '2024-06-01';

/**
 * The optional LLM path: a teams-ai ActionPlanner whose actions are the catalog intents (tools augmentation).
 * The model only chooses an intent and slots; `checkToolCall` validates that choice like any untrusted input.
 */
export class LlmPlanner implements Understander {
  private readonly planner: ActionPlanner<TurnState>;
  private readonly ai: AI<TurnState>;

  constructor(private readonly options: LlmPlannerOptions) {
    const model = new OpenAIModel({
      azureEndpoint: options.settings.endpoint,
      azureDefaultDeployment: options.settings.deployment,
      azureApiKey: options.settings.apiKey,
      azureApiVersion: API_VERSION,
      useSystemMessages: true,
      maxRetries: 1,
      clientOptions: { timeout: 10_000, ...options.clientOptions },
    });
    const prompts = new PromptManager({ promptsFolder: __dirname }); // prompts are added in code, never read from disk
    prompts.addPrompt(template(options));
    this.planner = new ActionPlanner<TurnState>({ model, prompts, defaultPrompt: PROMPT, max_repair_attempts: 0 });
    this.ai = new AI<TurnState>({ planner: this.planner });
  }

  /** Asks the model; refuses anything that does not pass the checks. Never falls back (see `understand`). */
  async plan(text: string, context: AskContext = {}): Promise<PlanResult> {
    const turn = new TurnContext(new OfflineAdapter(), offlineActivity(text, context.user));
    const state = new TurnState();
    await state.load(turn);
    state.temp.input = text;
    const plan = await this.planner.beginTask(turn, state, this.ai);
    const calls = plan.commands.filter((c): c is PredictedDoCommand => c.type === 'DO');
    if (calls.length === 0) return { ok: false, reason: 'the model answered without choosing a question' };

    const choices: Understanding['alternatives'] = [];
    let slots: Understanding['slots'] = {};
    for (const call of calls) {
      const checked = checkToolCall(call.action, call.parameters, this.options);
      if (!checked.ok) return { ok: false, reason: checked.reason };
      if (choices.length === 0) slots = checked.slots;
      if (!choices.some((c) => c.intent === checked.intent)) choices.push({ intent: checked.intent, confidence: 0 });
    }
    // Several different questions chosen = the model is unsure: ask "Did you mean…" with them.
    const confidence = Math.round((1 / choices.length) * 10_000) / 10_000;
    const alternatives = choices.slice(0, 3).map((c) => ({ ...c, confidence }));
    const intent = alternatives[0]!.intent;
    if (intent === 'my_queue' && context.user) slots = { ...slots, user: context.user };
    return { ok: true, understanding: { intent, confidence, slots, alternatives, lowConfidence: choices.length > 1 } };
  }

  async understand(text: string, context: AskContext = {}): Promise<Understanding> {
    const stripped = stripMentions(text);
    // Empty messages, query languages and prompt injection are decided by rule, without the model.
    if (stripped === '' || guard(stripped)) return this.options.fallback.understand(text, context);
    try {
      const planned = await this.plan(stripped, context);
      if (planned.ok) return planned.understanding;
      log().warn({ reason: planned.reason }, 'LLM choice refused; using NLP.js');
    } catch (err) {
      log().warn({ err }, 'LLM planner failed; using NLP.js');
    }
    return this.options.fallback.understand(text, context);
  }
}

function template(options: LlmPlannerOptions): PromptTemplate {
  return {
    name: PROMPT,
    prompt: new Prompt([new SystemMessage(SYSTEM_PROMPT), new UserMessage('{{$temp.input}}')]),
    config: {
      schema: 1.1,
      type: 'completion',
      completion: {
        completion_type: 'chat',
        frequency_penalty: 0,
        presence_penalty: 0,
        include_history: false,
        include_input: true,
        include_images: false,
        max_tokens: 200,
        max_input_tokens: 2000,
        temperature: 0,
        top_p: 1,
        tool_choice: 'required',
      },
      augmentation: { augmentation_type: 'tools' },
    },
    actions: intentTools(options),
    augmentation: new ToolsAugmentation(),
  };
}

/** The planner needs a turn; the question may come from the CLI, so it gets one that can send nothing. */
class OfflineAdapter extends BotAdapter {
  sendActivities(): Promise<ResourceResponse[]> {
    return Promise.reject(new Error('the LLM planner does not send activities'));
  }
  updateActivity(): Promise<void> {
    return Promise.reject(new Error('the LLM planner does not send activities'));
  }
  deleteActivity(): Promise<void> {
    return Promise.reject(new Error('the LLM planner does not send activities'));
  }
  continueConversation(): Promise<void> {
    return Promise.reject(new Error('the LLM planner does not send activities'));
  }
}

function offlineActivity(text: string, user = 'ask'): Partial<Activity> {
  return {
    type: 'message',
    text,
    channelId: 'ask',
    from: { id: user, name: user },
    recipient: { id: 'ai-posture-bot', name: 'AI Posture Bot' },
    conversation: { id: 'llm-planner', isGroup: false, conversationType: 'personal', name: '' },
  };
}

/** `AnswerSetup.llm` for configured Azure OpenAI settings. */
export function llmPlannerFactory(settings: AzureOpenAISettings) {
  return (fallback: Understander, resourceNames: readonly string[], slotsByIntent: Partial<Record<CatalogIntent, readonly ModelSlot[]>>): Understander =>
    new LlmPlanner({ settings, fallback, resourceNames, slotsByIntent });
}
