/** Neural nets on the scalar engine, micrograd's nn.py. Imports the engine (and data's seeded RNG). */
export { Module } from './Module';
export { Neuron, type NeuronOptions } from './Neuron';
export { Layer } from './Layer';
export { MLP, type MLPOptions } from './MLP';
export { ACTIVATIONS, activate, type Activation } from './activation';
export { type InitOptions } from './init';
export { binaryCrossEntropy, hingeLoss, hingeWithL2, l2Penalty, sum, sumSquaredError } from './losses';
export { constantSchedule, linearDecaySchedule, sgdStep, ValueOptimiser, type Schedule } from './optim';
export * from './optimisers';
