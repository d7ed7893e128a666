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

mod access;
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

pub use access::Unselectable;
pub use column::Column;
pub use masked::Mask;
pub use seen_rows::SeenRows;
pub use selection::{BulkAction, Selected};
pub use source::{loader, paged, ClientSource, Loader, Paging, Predicate, Rows, Slice, SortKey, Source, TableView};
pub use states::{Empty, EmptyReason};

use crate::i18n::{use_i18n, CountText, Locale, Msg, TableTotal};
use access::{Access, Kind, Wired};
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
