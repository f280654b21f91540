/** How scalar functions plug into the expression compiler. */
import type { Compiled, Ctx, Fn } from '../compile/context';
import type { SNode } from '../syntax';

export interface CallInfo {
  node: SNode;
  argNodes: SNode[];
  ctx: Ctx;
  /** Result type from the parser. */
  type: string;
}

export interface ScalarFunction {
  compile(args: Compiled[], call: CallInfo): Fn;
  /** False when the result depends on the run (now, ago), so it is never folded. */
  pure?: boolean;
}

/** f(a) with null in → null out. */
export function unary(f: (a: never) => unknown): ScalarFunction {
  return {
    compile([a]) {
      const fa = a!.fn;
      return (r) => {
        const v = fa(r);
        return v == null ? null : f(v as never);
      };
    },
  };
}

/** f(a, b) with null in → null out. */
export function binary(f: (a: never, b: never) => unknown): ScalarFunction {
  return {
    compile([a, b]) {
      const fa = a!.fn;
      const fb = b!.fn;
      return (r) => {
        const x = fa(r);
        if (x == null) return null;
        const y = fb(r);
        return y == null ? null : f(x as never, y as never);
      };
    },
  };
}

/** All arguments evaluated into an array (for variadic functions). */
export function variadic(f: (values: unknown[], types: string[]) => unknown): ScalarFunction {
  return {
    compile(args) {
      const fns = args.map((a) => a.fn);
      const types = args.map((a) => a.type);
      return (r) => {
        const values = new Array<unknown>(fns.length);
        for (let i = 0; i < fns.length; i++) values[i] = fns[i]!(r);
        return f(values, types);
      };
    },
  };
}
