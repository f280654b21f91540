/** The optional LLM path's model-independent parts: the function definitions and the check of a model's choice. */
export { intentTools, MODEL_SLOTS, SYSTEM_PROMPT, type IntentTool, type ModelSlot, type ToolOptions } from './tools';
export { checkToolCall, type ToolCallCheck, type ToolCallRules } from './tool-call';
