/** Dynamic values: array_length, bag_pack/pack, pack_array, bag_keys, dynamic_to_json. */
import { asDynamic } from '../compile/expressions';
import { toKustoString } from '../values';
import { unary, type ScalarFunction } from './registry';

const bagPack: ScalarFunction = {
  compile(args) {
    const fns = args.map(asDynamic);
    const keyTypes = args.map((a) => a.type);
    return (r) => {
      const bag: Record<string, unknown> = {};
      for (let i = 0; i + 1 < fns.length; i += 2) bag[toKustoString(fns[i]!(r), keyTypes[i]!)] = fns[i + 1]!(r) ?? null;
      return bag;
    };
  },
};

export const DYNAMIC: Record<string, ScalarFunction> = {
  array_length: unary((v: unknown) => (Array.isArray(v) ? v.length : null)),
  bag_pack: bagPack,
  pack: bagPack,
  pack_array: {
    compile(args) {
      const fns = args.map(asDynamic);
      return (r) => fns.map((f) => f(r) ?? null);
    },
  },
  bag_keys: unary((v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null)),
  dynamic_to_json: unary((v: unknown) => JSON.stringify(v)),
};
