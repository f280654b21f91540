/** Natural-language understanding: a Teams question → intent + typed slots + confidence. */
export { Recognizer, CONFIDENCE_THRESHOLD, type Understanding, type RecognizerOptions, type AskContext } from './recognizer';
export { guard, MAX_QUESTION_LENGTH, type GuardReason } from './guard';
export { stripMentions, normalizeText } from './text';
export { extractSlots, parseAlertType, parseResourceType, parseSeverity, parseTimeRange, parseZone, ResourceMatcher } from './slots';
