export { CHAPTERS, HIDDEN_CONTROLS, validateLevel, type ChapterId, type Check, type Choice, type Readout, type HiddenControl, type LevelContext, type LevelDef, type Prediction } from './types';
export { LEVELS, findLevel, isUnlocked, levelNumber, nextLevel } from './registry';
export { parsePrediction, runLevel, type CheckStatus, type LevelRun, type PlayerInput } from './runner';
export { evaluated } from './graphFacts';
