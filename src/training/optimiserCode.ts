import { floatLiteral } from '../document/codegen/names';
import type { OptimiserSettings } from '../nn/optimisers';

/**
 * The Train panel's optimiser as torch.optim builds it: the same class and settings, so the
 * exported loop updates the weights as the playground does. `params` and `lr` are Python text.
 */
export function torchOptimiser(o: OptimiserSettings, params: string, lr: string): string {
  const f = floatLiteral;
  switch (o.kind) {
    case 'sgd':
      return `torch.optim.SGD(${params}, lr=${lr})`;
    case 'momentum':
      return `torch.optim.SGD(${params}, lr=${lr}, momentum=${f(o.momentum)})`;
    case 'adam':
      return `torch.optim.Adam(${params}, lr=${lr}, betas=(${f(o.beta1)}, ${f(o.beta2)}), eps=${f(o.eps)})`;
    case 'adamw':
      return `torch.optim.AdamW(${params}, lr=${lr}, betas=(${f(o.beta1)}, ${f(o.beta2)}), eps=${f(o.eps)}, weight_decay=${f(o.weightDecay)})`;
  }
}
