export { CHALLENGE_LEVEL_ID, challengeLevel, goalNumber, outputName, predictableLeaves, type Challenge } from './challengeLevel';
export { challengeFingerprint, challengeText, decodeChallengeHash, encodeChallengeHash, isChallengeHash, parseChallengeText, type ChallengeRead, type SharedAnswer } from './challengeLink';
export { makeChallenge, type ChallengeStart, type MadeChallenge } from './makeChallenge';
export { CHALLENGE_FORMAT, type ChallengeAnswer, type ChallengeGoal, type ChallengeSpec, type GoalKind } from './types';
