// AG Grid Community with its default client-side row model, driven by bench/table/run.mjs
// through `window.bench`: each call returns the milliseconds it took until the DOM shows
// the result.
import { generate } from './data.js';

const el = document.getElementById('grid');
let api = null;
let data = [];

const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
async function until(pred, timeout = 60000) {
  const t0 = performance.now();
  while (!pred()) {
    if (performance.now() - t0 > timeout) throw new Error('timed out');
    await frame();
  }
}
const firstName = () => el.querySelector('.ag-row[row-index="0"] [col-id="name"]')?.textContent;
/** The element that scrolls the rows vertically (the class names change between versions). */
function scroller() {
  let box = el.querySelector('.ag-row')?.parentElement;
  while (box && box !== el && box.scrollHeight <= box.clientHeight + 1) box = box.parentElement;
  return box;
}

window.bench = {
  prepare(n) {
    data = generate(n);
    return data.length;
  },
  /** `options.animateRows: false` turns off row animation (default on). */
  async mount(options = {}) {
    const t0 = performance.now();
    api = agGrid.createGrid(el, {
      ...options,
      rowData: data,
      columnDefs: [
        { field: 'id', sortable: true, width: 190 },
        // debounceMs 0: the text filter otherwise waits before applying a model (fair timing).
        { field: 'name', sortable: true, filter: 'agTextColumnFilter', filterParams: { debounceMs: 0 }, width: 200 },
        { field: 'status', sortable: true, width: 100 },
        { field: 'amount', sortable: true, width: 150, type: 'rightAligned' },
        { field: 'email', width: 190 },
        { field: 'phone', width: 150 },
        { field: 'created', sortable: true, width: 150 },
        { field: 'region', sortable: true, width: 130 },
      ],
      getRowId: (p) => p.data.id,
    });
    await until(() => el.querySelector('.ag-row'));
    return performance.now() - t0;
  },
  async sortByName(expectFirst) {
    const t0 = performance.now();
    api.applyColumnState({ state: [{ colId: 'name', sort: 'asc' }], defaultState: { sort: null } });
    await until(() => firstName() === expectFirst);
    return performance.now() - t0;
  },
  async filterName(text, expectFirst) {
    const t0 = performance.now();
    await api.setColumnFilterModel('name', { filterType: 'text', type: 'contains', filter: text });
    api.onFilterChanged();
    await until(() => firstName() === expectFirst);
    return performance.now() - t0;
  },
  /** The quick filter (all columns; only names contain the text in this data). */
  async quickFilter(text, expectFirst) {
    const t0 = performance.now();
    api.setGridOption('quickFilterText', text);
    await until(() => firstName() === expectFirst);
    return performance.now() - t0;
  },
  async scrollToEnd(lastId) {
    const viewport = scroller();
    const t0 = performance.now();
    viewport.scrollTop = viewport.scrollHeight;
    await until(() => [...el.querySelectorAll('.ag-row [col-id="id"]')].some((c) => c.textContent === lastId));
    return performance.now() - t0;
  },
  clearSortFilter() {
    api.setGridOption('quickFilterText', '');
    api.setFilterModel(null);
    api.applyColumnState({ defaultState: { sort: null } });
  },
  unmount() {
    api.destroy();
    api = null;
  },
  rowsInDom: () => el.querySelectorAll('.ag-row').length,
};
