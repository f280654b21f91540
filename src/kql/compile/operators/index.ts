/** Dispatch of query operators (the right side of `|`). Anything not listed raises KqlError naming it. */
import { kindOf, type SNode } from '../../syntax';
import type { Ctx } from '../context';
import type { CompiledTable } from '../tabular';
import { compileCount } from './count';
import { compileDistinct } from './distinct';
import { compileExtend } from './extend';
import { compileJoin } from './join';
import { compileMvExpand } from './mvexpand';
import { compileProject, compileProjectRename, compileProjectSameNames } from './project';
import { compileSort, compileTop } from './sort';
import { compileSummarize } from './summarize';
import { compileTake } from './take';
import { compileUnion } from './union';
import { compileWhere } from './where';

export function compileQueryOperator(op: SNode, input: CompiledTable, ctx: Ctx): CompiledTable {
  switch (kindOf(op)) {
    case 'FilterOperator':
      return compileWhere(op, input, ctx);
    case 'ProjectOperator':
      return compileProject(op, input, ctx);
    case 'ProjectAwayOperator':
    case 'ProjectKeepOperator':
    case 'ProjectReorderOperator':
      return compileProjectSameNames(op, input, ctx);
    case 'ProjectRenameOperator':
      return compileProjectRename(op, input, ctx);
    case 'ExtendOperator':
      return compileExtend(op, input, ctx);
    case 'SummarizeOperator':
      return compileSummarize(op, input, ctx);
    case 'SortOperator':
      return compileSort(op, input, ctx);
    case 'TopOperator':
      return compileTop(op, input, ctx);
    case 'TakeOperator':
      return compileTake(op, input, ctx);
    case 'DistinctOperator':
      return compileDistinct(op, input, ctx);
    case 'CountOperator':
      return compileCount(op, input);
    case 'JoinOperator':
      return compileJoin(op, input, ctx, false);
    case 'LookupOperator':
      return compileJoin(op, input, ctx, true);
    case 'UnionOperator':
      return compileUnion(op, input, ctx);
    case 'MvExpandOperator':
      return compileMvExpand(op, input, ctx);
    default:
      throw ctx.unsupported(op);
  }
}
