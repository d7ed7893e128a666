//! The shared data table, the product's core component. Pages declare columns, a source,
//! row actions, bulk actions and why the table may be empty; the table does the rest once:
//!
//! - server or client data ([`source`]), one- or multi-column sort (shift-click);
//! - a column chooser (show, hide, reorder) and resizable widths, persisted per table
//!   ([`chooser`], [`resize`], [`prefs`]);
//! - sticky header, frozen first column on narrow screens (CSS);
//! - virtual scrolling of large client data ([`virtual_rows`]);
//! - selection across pages with "select all matching" and bulk actions ([`selection`]); rows a
//!   page declares unselectable show a disabled checkbox with the reason and never reach a
//!   bulk action;
//! - masked cells with eye toggles and copy buttons, X6 ([`masked`]);
//! - the ARIA grid keyboard model ([`keyboard`]);
//! - CSV and XLSX export of everything the filter matches ([`export`]);
//! - loading, empty, error and stale states ([`states`]).

pub mod chooser;
pub mod column;
pub mod export;
mod grid;
mod icons;
pub mod keyboard;
pub mod masked;
mod prefs;
pub mod resize;
mod seen_rows;
pub mod selection;
pub mod source;
pub mod states;
pub mod virtual_rows;

pub use column::Column;
pub use masked::Mask;
pub use seen_rows::SeenRows;
pub use selection::{BulkAction, Selected};
pub use source::{loader, paged, ClientSource, Loader, Paging, Predicate, Rows, Slice, SortKey, Source, TableView};
pub use states::{Empty, EmptyReason};

use crate::i18n::{use_i18n, CountText, Locale, Msg, TableTotal};
use export::{Export, File, Format};
use futures::future::LocalBoxFuture;
use grid::{ActionMeta, ColMeta, Grid, Model, RowAccess};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use masked::{CopyButton, MaskedCell, Reveal};
use partner_api::ApiError;
use source::{client_order, for_each_page, Order, Rows as Answer};
use std::collections::HashSet;
use std::sync::Arc;

/// An action on one row: a link (opens in the app) or a callback. The first one is what Enter
/// on a row does.
pub struct RowAction<T: 'static> {
    pub id: &'static str,
    pub label: Msg,
    /// An in-app path (without the deployment base).
    pub href: Option<fn(&T) -> String>,
    pub run: Option<Callback<T>>,
    /// Shown in the actions column (false: only Enter, when a cell already links there).
    pub in_column: bool,
    /// Offered only on rows for which this holds (None: on every row), e.g. reclaim only on
    /// what can still be reclaimed.
    pub when: Option<fn(&T) -> bool>,
}

impl<T: 'static> Clone for RowAction<T> {
    fn clone(&self) -> Self {
        RowAction { href: self.href, run: self.run, when: self.when, ..*self }
    }
}

impl<T: 'static> RowAction<T> {
    pub fn link(id: &'static str, label: Msg, href: fn(&T) -> String) -> Self {
        RowAction { id, label, href: Some(href), run: None, in_column: true, when: None }
    }

    pub fn button(id: &'static str, label: Msg, run: impl Fn(T) + Send + Sync + 'static) -> Self {
        RowAction { id, label, href: None, run: Some(Callback::new(run)), in_column: true, when: None }
    }

    /// Not shown in the actions column (a cell already offers it); Enter still runs it.
    pub fn keyboard_only(mut self) -> Self {
        self.in_column = false;
        self
    }

    /// Offered only on the rows `when` accepts: elsewhere it is neither shown nor run by Enter.
    pub fn only_when(mut self, when: fn(&T) -> bool) -> Self {
        self.when = Some(when);
        self
    }
}

/// Where the rows in view live.
enum Kind<T: Send + Sync + 'static> {
    Server(RwSignal<Option<Answer<T>>>),
    Client { rows: Signal<Arc<Vec<T>>>, order: Memo<Order>, offset: Memo<usize> },
}

impl<T: Send + Sync + 'static> Clone for Kind<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Kind<T> {}

impl<T: Clone + Send + Sync + 'static> Kind<T> {
    /// Row `i` of the view (untracked).
    fn row(&self, i: usize) -> Option<T> {
        match *self {
            Kind::Server(d) => d.with_untracked(|d| d.as_ref().and_then(|d| d.rows.get(i).cloned())),
            Kind::Client { rows, order, offset } => {
                let at = order.with_untracked(|o| o.0.get(offset.get_untracked() + i).copied())?;
                rows.with_untracked(|r| r.get(at as usize).cloned())
            }
        }
    }
}

type Query<T> = Option<Arc<dyn Fn() -> Loader<T> + Send + Sync>>;

/// A source wired up: where the rows are, their state, and how to reload them.
struct Wired<T: Send + Sync + 'static> {
    kind: Kind<T>,
    loading: Signal<bool>,
    error: Signal<Option<ApiError>>,
    reload: Option<Callback<()>>,
    total: Memo<u64>,
    filter_track: Arc<dyn Fn() + Send + Sync>,
    server_query: Query<T>,
}

/// The rows of one `DataTable<T>` for the (non-generic) grid.
struct Access<T: Send + Sync + 'static> {
    id: &'static str,
    kind: Kind<T>,
    columns: StoredValue<Vec<Column<T>>>,
    row_key: fn(&T) -> String,
    actions: StoredValue<Vec<RowAction<T>>>,
    open_path: Callback<String>,
    server_query: StoredValue<Query<T>>,
    view: TableView,
    unselectable: Option<Unselectable<T>>,
}

/// Why a row cannot be selected (None: it can).
pub type Unselectable<T> = fn(&T) -> Option<Msg>;

impl<T: Clone + Send + Sync + 'static> RowAccess for Access<T> {
    fn cells(&self, i: usize, cols: &[usize], l: Locale, reveal: Reveal) -> Option<(String, Vec<AnyView>)> {
        let row = self.kind.row(i)?;
        let key = (self.row_key)(&row);
        let cells =
            self.columns.with_value(|all| cols.iter().map(|&c| cell_content(&all[c], &row, l, &key, reveal)).collect());
        Some((key, cells))
    }

    fn key(&self, i: usize) -> Option<String> {
        self.kind.row(i).map(|r| (self.row_key)(&r))
    }

    fn blocked(&self, i: usize) -> Option<Msg> {
        let f = self.unselectable?;
        self.kind.row(i).and_then(|r| f(&r))
    }

    fn blocked_count(&self) -> Option<u64> {
        let Some(f) = self.unselectable else { return Some(0) };
        match self.kind {
            Kind::Client { rows, order, .. } => Some(rows.with_untracked(|r| {
                order.with_untracked(|o| o.0.iter().filter(|&&i| f(&r[i as usize]).is_some()).count() as u64)
            })),
            // Only the server knows which rows of other pages are blocked.
            Kind::Server(_) => None,
        }
    }

    fn drop_blocked(&self, keys: Vec<String>) -> Vec<String> {
        let Some(f) = self.unselectable else { return keys };
        let row_key = self.row_key;
        // Rows that became unselectable since they were chosen (a refresh): every client row,
        // or the server page in view, is checked.
        let blocked: HashSet<String> = match self.kind {
            Kind::Client { rows, .. } => {
                rows.with_untracked(|r| r.iter().filter(|r| f(r).is_some()).map(row_key).collect())
            }
            Kind::Server(d) => d.with_untracked(|d| {
                d.as_ref().map(|d| d.rows.iter().filter(|r| f(r).is_some()).map(row_key).collect()).unwrap_or_default()
            }),
        };
        keys.into_iter().filter(|k| !blocked.contains(k)).collect()
    }

    fn href(&self, i: usize, action: usize) -> Option<String> {
        let href = self.actions.with_value(|a| a.get(action).and_then(|a| a.href))?;
        self.kind.row(i).map(|r| href(&r))
    }

    fn offers(&self, i: usize, action: usize) -> bool {
        match self.actions.with_value(|a| a.get(action).and_then(|a| a.when)) {
            Some(when) => self.kind.row(i).is_some_and(|r| when(&r)),
            None => true,
        }
    }

    fn run(&self, i: usize, action: usize) {
        let Some(row) = self.kind.row(i) else { return };
        if !self.offers(i, action) {
            return;
        }
        let (href, run) = self.actions.with_value(|a| a.get(action).map_or((None, None), |a| (a.href, a.run)));
        if let Some(href) = href {
            self.open_path.run(href(&row));
        } else if let Some(run) = run {
            run.run(row);
        }
    }

    fn resolve_all(
        &self,
        except: HashSet<String>,
        progress: RwSignal<Option<(u64, u64)>>,
    ) -> LocalBoxFuture<'static, Result<Option<Vec<String>>, ApiError>> {
        let row_key = self.row_key;
        let unselectable = self.unselectable;
        let ok = move |r: &T| unselectable.is_none_or(|f| f(r).is_none());
        match self.kind {
            Kind::Client { rows, order, .. } => {
                let keys = rows.with_untracked(|r| {
                    order.with_untracked(|o| {
                        o.0.iter()
                            .map(|&i| &r[i as usize])
                            .filter(|r| ok(r))
                            .map(row_key)
                            .filter(|k| !except.contains(k))
                            .collect()
                    })
                });
                Box::pin(async move { Ok(Some(keys)) })
            }
            Kind::Server(_) => {
                let load = self.server_query.with_value(|q| q.as_ref().map(|q| untrack(|| q())));
                let sort = self.view.sort.get_untracked();
                Box::pin(async move {
                    let Some(load) = load else { return Ok(None) };
                    let mut keys: Vec<String> = Vec::new();
                    let alive = || progress.try_with_untracked(Option::is_some).unwrap_or(false);
                    let done = for_each_page(
                        &load,
                        sort,
                        |rows, done, t| {
                            keys.extend(rows.iter().filter(|r| ok(r)).map(row_key).filter(|k| !except.contains(k)));
                            progress.try_set(Some((done, t)));
                        },
                        alive,
                    )
                    .await?;
                    Ok(done.map(|_| keys))
                })
            }
        }
    }

    fn export(&self, export: Export, cols: Vec<usize>, l: Locale, format: Format, sheet: String) {
        let file = File { format, name: self.id.to_string(), sheet };
        match self.kind {
            Kind::Server(_) => {
                if let Some(load) = self.server_query.with_value(|q| q.as_ref().map(|q| untrack(|| q()))) {
                    export.server(load, self.view.sort.get_untracked(), self.columns, cols, l, file);
                }
            }
            Kind::Client { rows, order, .. } => {
                export.client(rows.get_untracked(), order.get_untracked().0, self.columns, cols, l, file);
            }
        }
    }
}

/// The shared table over rows of type `T` (see the module docs).
#[component]
pub fn DataTable<T>(
    /// Names the table: layout persistence (`pc.table.<id>.columns`) and export file names.
    id: &'static str,
    /// `data-testid` of the `<table>`.
    test_id: &'static str,
    #[prop(into)] label: Signal<String>,
    columns: Vec<Column<T>>,
    source: Source<T>,
    /// A stable key of a row (selection, revealed cells).
    row_key: fn(&T) -> String,
    #[prop(into)] empty: Signal<Empty>,
    #[prop(optional)] row_actions: Vec<RowAction<T>>,
    #[prop(optional)] bulk_actions: Vec<BulkAction>,
    /// Rows can be selected (also implied by bulk actions).
    #[prop(optional)]
    selectable: bool,
    /// The total line (default: "{n} rows").
    #[prop(optional)]
    total_label: Option<CountText>,
    /// Rows that cannot be selected, and why (the reason is the disabled checkbox's tooltip).
    /// They are skipped by "select all matching" and never reach a bulk action.
    #[prop(optional)]
    unselectable: Option<Unselectable<T>>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let navigate = use_navigate();
    let open_path = Callback::new(move |p: String| navigate(&p, Default::default()));
    let view = source.view();
    let multi_sort = source.multi_sort();
    let virt = source.is_virtual();
    let paged = !virt;
    let cols: Vec<ColMeta> = columns
        .iter()
        .map(|c| ColMeta {
            id: c.id,
            header: c.header,
            sort_key: c.sort_key,
            desc_first: c.desc_first,
            numeric: c.numeric(),
            mask: c.mask,
            width: c.width,
            hidden: c.hidden_by_default,
        })
        .collect();
    let actions: Vec<ActionMeta> =
        row_actions.iter().map(|a| ActionMeta { id: a.id, label: a.label, in_column: a.in_column }).collect();
    let columns = StoredValue::new(columns);
    let client = matches!(source, Source::Client(_));

    let Wired { kind, loading, error, reload, total, filter_track, server_query } = match source {
        Source::Server(s) => {
            let query = s.query.clone();
            let remote = crate::components::remote::use_remote(move || {
                let load = query();
                let (page, size) = (view.page.get(), view.size.get());
                let slice = Slice {
                    offset: (page.max(1) - 1) * size as u64,
                    limit: size.min(partner_api::page::MAX_LIMIT),
                    sort: view.sort.get(),
                };
                async move { load(slice).await }
            });
            let total = Memo::new(move |_| remote.data.with(|d| d.as_ref().map_or(0, |d| d.total)));
            let q = s.query.clone();
            Wired {
                kind: Kind::Server(remote.data),
                loading: remote.loading.into(),
                error: remote.error.into(),
                reload: Some(Callback::new(move |_| remote.reload())),
                total,
                filter_track: Arc::new(move || {
                    let _ = q();
                }),
                server_query: Some(s.query),
            }
        }
        Source::Client(c) => {
            let rows = c.rows;
            let filter = StoredValue::new(c.filter);
            let order = Memo::new(move |_| {
                let pred = filter.with_value(|f| f());
                let sort = view.sort.get();
                let l = i18n.get();
                let all = rows.get();
                let idx = columns.with_value(|cols| client_order(&all, pred.as_ref(), &sort, cols, l));
                Order(Arc::new(idx))
            });
            let offset = Memo::new(move |_| {
                if c.paging == Paging::Pages {
                    ((view.page.get().max(1) - 1) * view.size.get() as u64) as usize
                } else {
                    0
                }
            });
            let total = Memo::new(move |_| order.with(|o| o.0.len() as u64));
            Wired {
                kind: Kind::Client { rows, order, offset },
                loading: c.loading,
                error: c.error,
                reload: c.reload,
                total,
                filter_track: Arc::new(move || {
                    let _ = filter.with_value(|f| f());
                }),
                server_query: None,
            }
        }
    };

    let len = Memo::new(move |_| match kind {
        Kind::Server(d) => d.with(|d| d.as_ref().map_or(0, |d| d.rows.len())),
        Kind::Client { offset, .. } => {
            let n = total.get() as usize;
            let off = offset.get();
            if paged {
                n.saturating_sub(off).min(view.size.get() as usize)
            } else {
                n
            }
        }
    });
    let base = Memo::new(move |_| match kind {
        Kind::Server(_) => (view.page.get().max(1) - 1) * view.size.get() as u64,
        Kind::Client { offset, .. } => offset.get() as u64,
    });
    let version = Memo::new(move |prev: Option<&u64>| {
        match kind {
            Kind::Server(d) => d.track(),
            Kind::Client { order, offset, rows } => {
                // Memos are lazy: read them so they stay computed and subscribed.
                order.with(|_| ());
                let _ = offset.get();
                rows.track();
            }
        }
        prev.map_or(0, |v| v + 1)
    });

    let access = Access {
        id,
        kind,
        columns,
        row_key,
        actions: StoredValue::new(row_actions),
        open_path,
        server_query: StoredValue::new(server_query),
        view,
        unselectable,
    };
    let model = Model {
        id,
        test_id,
        label,
        cols,
        view,
        multi_sort,
        virt,
        client,
        selectable: selectable || !bulk_actions.is_empty(),
        actions,
        bulk_actions,
        total_label: total_label.unwrap_or(TableTotal::of),
        empty,
        loading,
        error,
        reload,
        len,
        total,
        base,
        version,
        rows: Arc::new(access),
        filter_track,
        has_unselectable: unselectable.is_some(),
    };
    // Type-erased, so pages embedding a table do not carry the grid's whole view type.
    view! { <Grid model=model /> }.into_any()
}

fn dash() -> AnyView {
    view! { <span class="muted">"—"</span> }.into_any()
}

/// A cell's content: masked (eye, copy), the column's own view, or its text.
fn cell_content<T>(col: &Column<T>, row: &T, l: Locale, key: &str, reveal: Reveal) -> AnyView {
    if let Some(mask) = col.mask {
        let value = col.text_of(row, l);
        if value.is_empty() {
            return dash();
        }
        return view! { <MaskedCell value=value mask=mask copy=col.copy col=col.id row_key=key.to_string() reveal=reveal /> }
            .into_any();
    }
    if let Some(v) = col.view {
        return v(row, l);
    }
    let text = col.text_of(row, l);
    if text.is_empty() {
        return dash();
    }
    if col.copy {
        view! { <span class="copy-cell"><span title=text.clone()>{text.clone()}</span><CopyButton value=text /></span> }
            .into_any()
    } else {
        // The full text on hover when the column is too narrow for it (rows stay one line).
        let title = text.clone();
        view! { <span class="cell-text" title=title>{text}</span> }.into_any()
    }
}
