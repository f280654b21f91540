/** The prebuilt KQL catalog: loader, slot binder and the run orchestration the bot calls (docs/queries.md). */
export { loadCatalog, parseQueryFile, CATALOG_DIR, type Catalog, type CatalogQuery } from './catalog';
export { CatalogError, type QueryHeader, type SlotDecl } from './header';
export { bindQuery, bindingLets, effectiveSlots, SlotError, usesScope, type BindContext } from './bind';
export { selectsResources } from './slots';
export { loadInventory, runCatalogQuery, type CatalogAnswer, type RunContext } from './run';
export { inventoryFromResult, scopeIds, type ScopeResource } from './scope';
