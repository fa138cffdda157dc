import { DEFAULT_OPTIMISER, OPTIMISER_KINDS, type OptimiserSettings } from '../../nn/optimisers';
import type { GraphDoc } from '../types';
import { floatLiteral } from './names';
import type { planProgram } from './plan';

type Plan = ReturnType<typeof planProgram>;
import { lineComment } from './text';

/**
 * One update by the Train panel's optimiser, after backward(), for the micrograd and TypeScript
 * exports: micrograd has no optimiser, so its few lines are written out (the first step, with
 * the state starting at zero, as torch.optim's does). Only for a graph set up for training whose
 * parameters got grads; other graphs export as before.
 */
export function optimiserStepLines(doc: GraphDoc, plan: Plan, language: 'python' | 'typescript'): string[] {
  if (!doc.training || plan.output.name === null) return [];
  const params = parameterNames(doc, plan);
  if (params.length === 0) return [];
  const o = doc.training.optimiser ?? DEFAULT_OPTIMISER;
  const label = OPTIMISER_KINDS.find((k) => k.kind === o.kind)!.label;
  const heading = lineComment(language, `One update by the Train panel's optimiser, ${label} at lr ${floatLiteral(doc.training.lr)}: micrograd has none, so here are its lines.`);
  return ['', heading, ...(language === 'python' ? python(o, params, doc.training.lr) : typescript(o, params, doc.training.lr))];
}

/** The trainable leaves and every neuron's weights and bias, in program order. */
function parameterNames(doc: GraphDoc, plan: Plan): string[] {
  return plan.steps.flatMap((step) => {
    if (step.kind === 'leaf') {
      const node = doc.nodes[step.id];
      return node?.kind === 'value' && node.trainable === true ? [step.name] : [];
    }
    if (step.kind === 'neurons') return step.neurons.flatMap((n) => [...n.weights.map((w) => w.name), n.bias.name]);
    return [];
  });
}

function python(o: OptimiserSettings, params: string[], lr: number): string[] {
  const f = floatLiteral;
  const head = [`params = [${params.join(', ')}]`, `lr = ${f(lr)}`];
  // Not printed: the lines above print the graph as drawn, and readers (and tests) pair each printed line with a card.
  const print = '# each p.data is now one step on; print([p.data for p in params]) to see them';
  switch (o.kind) {
    case 'sgd':
      return [...head, 'for p in params:', '    p.data -= lr * p.grad', print];
    case 'momentum':
      return [...head, `momentum = ${f(o.momentum)}`, 'velocity = [0.0] * len(params)', 'for i, p in enumerate(params):', '    velocity[i] = momentum * velocity[i] + p.grad', '    p.data -= lr * velocity[i]', print];
    case 'adam':
    case 'adamw':
      return [
        ...head,
        `beta1, beta2, eps${o.kind === 'adamw' ? ', weight_decay' : ''} = ${f(o.beta1)}, ${f(o.beta2)}, ${f(o.eps)}${o.kind === 'adamw' ? `, ${f(o.weightDecay)}` : ''}`,
        'm = [0.0] * len(params)',
        'v = [0.0] * len(params)',
        't = 1',
        'for i, p in enumerate(params):',
        ...(o.kind === 'adamw' ? ['    p.data *= 1 - lr * weight_decay  # decoupled weight decay'] : []),
        '    m[i] = beta1 * m[i] + (1 - beta1) * p.grad',
        '    v[i] = beta2 * v[i] + (1 - beta2) * p.grad**2',
        '    m_hat = m[i] / (1 - beta1**t)',
        '    v_hat = v[i] / (1 - beta2**t)',
        '    p.data -= lr * m_hat / (v_hat**0.5 + eps)',
        print,
      ];
  }
}

function typescript(o: OptimiserSettings, params: string[], lr: number): string[] {
  const f = floatLiteral;
  const head = [`const params = [${params.join(', ')}];`, `const lr = ${f(lr)};`];
  const print = '// each p.data is now one step on; console.log(params.map((p) => p.data)) to see them';
  switch (o.kind) {
    case 'sgd':
      return [...head, 'for (const p of params) p.data -= lr * p.grad;', print];
    case 'momentum':
      return [...head, `const momentum = ${f(o.momentum)};`, 'const velocity = params.map(() => 0);', 'params.forEach((p, i) => {', '  velocity[i] = momentum * velocity[i] + p.grad;', '  p.data -= lr * velocity[i];', '});', print];
    case 'adam':
    case 'adamw':
      return [
        ...head,
        `const beta1 = ${f(o.beta1)}, beta2 = ${f(o.beta2)}, eps = ${f(o.eps)};`,
        ...(o.kind === 'adamw' ? [`const weightDecay = ${f(o.weightDecay)};`] : []),
        'const m = params.map(() => 0);',
        'const v = params.map(() => 0);',
        'const t = 1;',
        'params.forEach((p, i) => {',
        ...(o.kind === 'adamw' ? ['  p.data *= 1 - lr * weightDecay; // decoupled weight decay'] : []),
        '  m[i] = beta1 * m[i] + (1 - beta1) * p.grad;',
        '  v[i] = beta2 * v[i] + (1 - beta2) * p.grad ** 2;',
        '  const mHat = m[i] / (1 - beta1 ** t);',
        '  const vHat = v[i] / (1 - beta2 ** t);',
        '  p.data -= (lr * mHat) / (Math.sqrt(vHat) + eps);',
        '});',
        print,
      ];
  }
}
