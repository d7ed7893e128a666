//! The shared data table, the product's core component. Pages declare columns, a source,
//! row actions, bulk actions and why the table may be empty; the table does the rest once:
//!
//! - server or client data ([`source`]), one- or multi-column sort (shift-click);
//! - a column chooser (show, hide, reorder) and resizable widths, persisted per table
//!   ([`chooser`], [`resize`], [`prefs`]);
//! - sticky header, frozen first column on narrow screens (CSS);
//! - virtual scrolling of large client data ([`virtual_rows`]);
//! - selection across pages with "select all matching" and bulk actions ([`selection`]);
//! - masked cells with eye toggles and copy buttons, X6 ([`masked`]);
//! - the ARIA grid keyboard model ([`keyboard`]);
//! - CSV export of everything the filter matches ([`export`]);
//! - loading, empty, error and stale states ([`states`]).

pub mod chooser;
pub mod column;
pub mod export;
mod icons;
pub mod keyboard;
pub mod masked;
mod prefs;
pub mod resize;
pub mod selection;
pub mod source;
pub mod states;
pub mod virtual_rows;

pub use column::Column;
pub use masked::Mask;
pub use selection::{BulkAction, Selected};
pub use source::{loader, ClientSource, Loader, Paging, Predicate, Rows, Slice, SortKey, Source, TableView};
pub use states::{Empty, EmptyReason};

use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::i18n::{use_i18n, Locale, Msg};
use chooser::ColumnChooser;
use export::{Export, Progress};
use keyboard::{KeyAction, Pos};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use masked::{ColumnEye, CopyButton, MaskedCell, Reveal};
use partner_api::ApiError;
use prefs::{Declared, Layout};
use resize::ResizeHandle;
use selection::Selection;
use source::{client_order, for_each_page, next_sort, Order, Rows as Answer};
use states::EmptyState;
use std::sync::Arc;
use virtual_rows::{event_element, Scroll};

/// Width of the selection column (CSS `.col-select-w`).
const SELECT_WIDTH: u32 = 44;
/// Width of the row actions column (CSS `.col-actions-w`).
const ACTIONS_WIDTH: u32 = 96;

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
}

impl<T: 'static> RowAction<T> {
    pub fn link(id: &'static str, label: Msg, href: fn(&T) -> String) -> Self {
        RowAction { id, label, href: Some(href), run: None, in_column: true }
    }

    pub fn button(id: &'static str, label: Msg, run: impl Fn(T) + Send + Sync + 'static) -> Self {
        RowAction { id, label, href: None, run: Some(Callback::new(run)), in_column: true }
    }

    /// Not shown in the actions column (a cell already offers it); Enter still runs it.
    pub fn keyboard_only(mut self) -> Self {
        self.in_column = false;
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
    /// The total line, with `{n}` (default: "{n} rows").
    #[prop(optional)]
    total_label: Option<Msg>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let navigate = use_navigate();
    let open_path = Callback::new(move |p: String| navigate(&p, Default::default()));
    let selectable = selectable || !bulk_actions.is_empty();
    let has_actions = row_actions.iter().any(|a| a.in_column);
    let total_label = total_label.unwrap_or(Msg::TableTotal);
    let view = source.view();
    let multi_sort = source.multi_sort();
    let virt = source.is_virtual();
    let paged = !virt;

    // Column layout, persisted.
    let declared: Vec<Declared> =
        columns.iter().map(|c| Declared { id: c.id, width: c.width, hidden: c.hidden_by_default }).collect();
    let default_layout = Layout::default_for(&declared);
    let layout = RwSignal::new(Layout::load(id, &declared));
    let headers: Vec<(&'static str, Msg)> = columns.iter().map(|c| (c.id, c.header)).collect();
    let declared = StoredValue::new(declared);
    let default_layout = StoredValue::new(default_layout);
    Effect::new(move |prev: Option<()>| {
        let lay = layout.get();
        if prev.is_some() {
            if default_layout.with_value(|d| *d == lay) {
                Layout::forget(id);
            } else {
                declared.with_value(|d| lay.save(id, d));
            }
        }
    });
    let reset_layout = Callback::new(move |_| layout.set(default_layout.get_value()));
    let visible = Memo::new(move |_| layout.with(Layout::visible));
    let columns = StoredValue::new(columns);
    let row_actions = StoredValue::new(row_actions);
    let bulk_actions = StoredValue::new(bulk_actions);

    let sel_cols = usize::from(selectable);
    // Grid columns: selection, data columns, actions.
    let ncols = Memo::new(move |_| sel_cols + visible.with(Vec::len) + usize::from(has_actions));

    // Data.
    let selection = RwSignal::new(Selection::default());
    let reveal = Reveal::new();
    let scroll = Scroll::new();
    let export = Export::new();
    let resolving = RwSignal::new(None::<(u64, u64)>);

    type Query<T> = Option<Arc<dyn Fn() -> Loader<T> + Send + Sync>>;
    let (kind, loading, error, reload, total, filter_track, server_query): (
        Kind<T>,
        Signal<bool>,
        Signal<Option<ApiError>>,
        Option<Callback<()>>,
        Memo<u64>,
        StoredValue<Arc<dyn Fn() + Send + Sync>>,
        StoredValue<Query<T>>,
    ) = match source {
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
            let track: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
                let _ = q();
            });
            (
                Kind::Server(remote.data),
                remote.loading.into(),
                remote.error.into(),
                Some(Callback::new(move |_| remote.reload())),
                total,
                StoredValue::new(track),
                StoredValue::new(Some(s.query)),
            )
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
            let track: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
                let _ = filter.with_value(|f| f());
            });
            (
                Kind::Client { rows, order, offset },
                c.loading,
                c.error,
                c.reload,
                total,
                StoredValue::new(track),
                StoredValue::new(None),
            )
        }
    };

    // Rows in view, and a version that changes whenever they (or how they render) change.
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
                order.track();
                offset.track();
                rows.track();
            }
        }
        visible.track();
        i18n.locale.track();
        prev.map_or(0, |v| v + 1)
    });
    let window = Memo::new(move |_| {
        let n = len.get();
        if virt {
            scroll.window(n)
        } else {
            (0, n)
        }
    });
    let is_empty = Memo::new(move |_| len.get() == 0);

    // A new filter is a new list: the selection and the scroll position start over.
    let wrap: NodeRef<leptos::html::Div> = NodeRef::new();
    let grid: NodeRef<leptos::html::Table> = NodeRef::new();
    Effect::new(move |prev: Option<()>| {
        filter_track.with_value(|f| f());
        if prev.is_some() {
            selection.update(Selection::clear);
            if let Kind::Client { .. } = kind {
                if view.page.get_untracked() != 1 {
                    view.set_page.run(1);
                }
            }
            if let Some(w) = wrap.try_get_untracked().flatten() {
                w.set_scroll_top(0);
                scroll.top.set(0.0);
            }
        }
    });

    // Virtual scrolling: measure the container after rows render and when the window resizes.
    if virt {
        Effect::new(move |_| {
            window.track();
            version.track();
            request_animation_frame(move || {
                if let Some(w) = wrap.try_get_untracked().flatten() {
                    scroll.measure(&w);
                }
            });
        });
        let handle = window_event_listener(leptos::ev::resize, move |_| {
            if let Some(w) = wrap.try_get_untracked().flatten() {
                scroll.measure(&w);
            }
        });
        on_cleanup(move || handle.remove());
    }

    // Keys of the rows in view (the header checkbox of a page).
    let page_keys = Memo::new(move |_| {
        version.track();
        let (a, b) = window.get();
        if virt {
            return Vec::new();
        }
        (a..b).filter_map(|i| kind.row(i).map(|r| row_key(&r))).collect::<Vec<_>>()
    });
    let selected_count = Memo::new(move |_| selection.with(|s| s.count(total.get())));
    let page_state = Memo::new(move |_| {
        // (all selected, some selected) of what the header checkbox covers
        selection.with(|s| {
            if virt {
                let n = selected_count.get();
                (n > 0 && n == total.get(), n > 0)
            } else {
                page_keys.with(|keys| {
                    let on = keys.iter().filter(|k| s.contains(k)).count();
                    (!keys.is_empty() && on == keys.len(), on > 0)
                })
            }
        })
    });
    let toggle_page = move || {
        let (all, _) = page_state.get_untracked();
        if virt {
            selection.update(|s| if all { s.clear() } else { s.select_all() });
        } else {
            let keys = page_keys.get_untracked();
            selection.update(|s| keys.iter().for_each(|k| s.set(k, !all)));
        }
    };
    let toggle_row = move |i: usize| {
        if let Some(k) = kind.row(i).map(|r| row_key(&r)) {
            selection.update(|s| s.toggle(&k));
        }
    };

    // Row actions.
    let run_action = move |a: usize, row: T| {
        row_actions.with_value(|acts| {
            if let Some(act) = acts.get(a) {
                if let Some(href) = act.href {
                    open_path.run(href(&row));
                } else if let Some(run) = act.run {
                    run.run(row);
                }
            }
        })
    };
    let open_row = move |i: usize| {
        if let Some(row) = kind.row(i) {
            run_action(0, row);
        }
    };

    let sort_by = move |c: usize, add: bool| {
        let next = columns.with_value(|cols| {
            let col = &cols[c];
            col.sort_key.map(|k| next_sort(&view.sort.get_untracked(), k, col.desc_first, add && multi_sort))
        });
        if let Some(next) = next {
            view.set_sort.run(next);
        }
    };

    // Bulk actions get the selected keys; "all matching" is resolved first (server sources:
    // by walking every page of the filter, with progress and Cancel).
    let run_bulk = move |action: Callback<Selected>| {
        let sel = selection.get_untracked();
        if !sel.all {
            action.run(Selected { keys: sel.keys.into_iter().collect(), all_matching: false });
            selection.update(Selection::clear);
            return;
        }
        let except = sel.keys;
        match kind {
            Kind::Client { rows, order, .. } => {
                let keys = rows.with_untracked(|r| {
                    order.with_untracked(|o| {
                        o.0.iter().map(|&i| row_key(&r[i as usize])).filter(|k| !except.contains(k)).collect()
                    })
                });
                action.run(Selected { keys, all_matching: true });
                selection.update(Selection::clear);
            }
            Kind::Server(_) => {
                let Some(load) = server_query.with_value(|q| q.as_ref().map(|q| untrack(|| q()))) else { return };
                let sort = view.sort.get_untracked();
                resolving.set(Some((0, total.get_untracked())));
                spawn_local(async move {
                    let mut keys: Vec<String> = Vec::new();
                    let alive = || resolving.try_with_untracked(Option::is_some).unwrap_or(false);
                    let result = for_each_page(
                        &load,
                        sort,
                        |rows, done, t| {
                            keys.extend(rows.iter().map(row_key).filter(|k| !except.contains(k)));
                            resolving.try_set(Some((done, t)));
                        },
                        alive,
                    )
                    .await;
                    if !alive() {
                        return;
                    }
                    resolving.try_set(None);
                    match result {
                        Ok(Some(_)) => {
                            action.run(Selected { keys, all_matching: true });
                            selection.try_update(Selection::clear);
                        }
                        Ok(None) => {}
                        Err(e) => {
                            export.progress.try_set(Progress::Failed(e));
                        }
                    }
                });
            }
        }
    };

    let start_export = move || {
        let vis = visible.get_untracked();
        let l = i18n.locale.get_untracked();
        match kind {
            Kind::Server(_) => {
                if let Some(load) = server_query.with_value(|q| q.as_ref().map(|q| untrack(|| q()))) {
                    export.server(load, view.sort.get_untracked(), columns, vis, l, id.to_string());
                }
            }
            Kind::Client { rows, order, .. } => {
                export.client(rows.get_untracked(), order.get_untracked().0, columns, vis, l, id.to_string());
            }
        }
    };

    // Keyboard: the focused cell (roving tabindex) and moving it.
    let focus = RwSignal::new((0i64, 0usize));
    let active = Memo::new(move |_| {
        let (r, c) = focus.get();
        let n = len.get();
        let (a, b) = window.get();
        let r = if n == 0 || r < 0 {
            -1
        } else if (r as usize) < a || (r as usize) >= b {
            if virt {
                // The first row in view takes the tab stop.
                let first = (scroll.top.get() / scroll.row_h.get().max(1.0)).ceil() as usize;
                first.clamp(a, b.saturating_sub(1)) as i64
            } else {
                n as i64 - 1
            }
        } else {
            r
        };
        (r, c.min(ncols.get().saturating_sub(1)))
    });
    let tab = move |p: Pos| move || if active.get() == p { "0" } else { "-1" };
    let move_focus = move |p: Pos| {
        focus.set(p);
        if virt && p.0 >= 0 {
            if let Some(w) = wrap.try_get_untracked().flatten() {
                scroll.reveal(&w, p.0 as usize);
            }
        }
        // Rendering is synchronous, so the cell is usually there already; virtual rows
        // scrolled in may take a frame.
        let Some(g) = grid.try_get_untracked().flatten() else { return };
        if !keyboard::focus_cell(&g, p) {
            request_animation_frame(move || {
                if let Some(g) = grid.try_get_untracked().flatten() {
                    keyboard::focus_cell(&g, p);
                }
            });
        }
    };
    // Controls inside cells follow the tab stop (see keyboard::sync_inner_tabindex).
    Effect::new(move |_| {
        let p = active.get();
        version.track();
        window.track();
        visible.track();
        request_animation_frame(move || {
            if let Some(g) = grid.try_get_untracked().flatten() {
                keyboard::sync_inner_tabindex(&g, p);
            }
        });
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(target) = event_element(&ev) else { return };
        let Some((pos, cell)) = keyboard::cell_pos(&target) else { return };
        let control = keyboard::from_control(&target, &cell);
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let page = if virt {
            ((scroll.viewport.get_untracked() - scroll.header_h.get_untracked()) / scroll.row_h.get_untracked())
                .floor()
                .max(1.0) as usize
        } else {
            10
        };
        match keyboard::action(&ev.key(), ctrl, pos, len.get_untracked(), ncols.get_untracked(), page) {
            Some(KeyAction::Move(p)) => {
                ev.prevent_default();
                move_focus(p);
            }
            Some(KeyAction::Activate) if !control => {
                ev.prevent_default();
                if pos.0 >= 0 {
                    open_row(pos.0 as usize);
                } else if let Some(c) =
                    pos.1.checked_sub(sel_cols).and_then(|j| visible.with_untracked(|v| v.get(j).copied()))
                {
                    sort_by(c, ev.shift_key());
                }
            }
            Some(KeyAction::Toggle) if !control && selectable => {
                ev.prevent_default();
                if pos.0 >= 0 {
                    toggle_row(pos.0 as usize);
                } else if pos.1 == 0 {
                    toggle_page();
                }
            }
            _ => {}
        }
    };
    let on_focusin = move |ev: leptos::ev::FocusEvent| {
        if let Some((p, _)) = event_element(&ev).and_then(|t| keyboard::cell_pos(&t)) {
            if focus.get_untracked() != p {
                focus.set(p);
            }
        }
    };

    // Header.
    let header = move || {
        let vis = visible.get();
        let select_th = selectable.then(|| {
            view! {
                <th role="columnheader" class="col-select" data-r="-1" data-c="0" tabindex=tab((-1, 0))>
                    <input
                        type="checkbox"
                        data-testid="select-all-page"
                        tabindex="-1"
                        aria-label=move || if virt { Msg::SelectAllRows } else { Msg::SelectPage }.text(i18n.get())
                        prop:checked=move || page_state.get().0
                        prop:indeterminate=move || {
                            let (all, some) = page_state.get();
                            some && !all
                        }
                        on:change=move |_| toggle_page()
                    />
                </th>
            }
        });
        let n_vis = vis.len();
        let cells = vis
            .into_iter()
            .enumerate()
            .map(|(j, c)| {
                let gc = sel_cols + j;
                let (cid, header, sort_key, numeric, mask, default_w) = columns.with_value(|cols| {
                    let col = &cols[c];
                    (col.id, col.header, col.sort_key, col.numeric(), col.mask, col.width)
                });
                let text = move || header.text(i18n.get());
                // (position among the sort keys, descending, number of keys)
                let sorted = move || {
                    sort_key.and_then(|k| {
                        view.sort.with(|s| s.iter().position(|x| x.key == k).map(|p| (p, s[p].desc, s.len())))
                    })
                };
                let aria_sort = move || match (sort_key, sorted()) {
                    (None, _) => None,
                    (Some(_), Some((0, true, _))) => Some("descending"),
                    (Some(_), Some((0, false, _))) => Some("ascending"),
                    (Some(_), _) => Some("none"),
                };
                let resize_label = Signal::derive(move || {
                    let l = i18n.get();
                    format!("{}: {}", Msg::ResizeColumn.text(l), header.text(l))
                });
                view! {
                    <th
                        role="columnheader"
                        scope="col"
                        data-col=cid
                        data-r="-1"
                        data-c=gc
                        tabindex=tab((-1, gc))
                        class:numeric=numeric
                        class:col-frozen=j == 0
                        aria-sort=aria_sort
                        data-sort=move || sorted().map(|(_, d, _)| if d { "desc" } else { "asc" })
                        data-sort-index=move || sorted().map(|(p, _, _)| (p + 1).to_string())
                    >
                        <div class="th-inner">
                            {match sort_key {
                                Some(_) => view! {
                                    <button
                                        type="button"
                                        class="sort-button"
                                        tabindex="-1"
                                        data-testid=format!("sort-{cid}")
                                        title=move || multi_sort.then(|| Msg::SortHint.text(i18n.get()))
                                        on:click=move |ev: leptos::ev::MouseEvent| sort_by(c, ev.shift_key())
                                    >
                                        <span class="th-label" title=text>{text}</span>
                                        <span class="sort-mark" aria-hidden="true">
                                            {move || match sorted() {
                                                Some((_, false, _)) => "▲",
                                                Some((_, true, _)) => "▼",
                                                None => "↕",
                                            }}
                                        </span>
                                        {move || sorted().filter(|s| s.2 > 1).map(|(p, _, _)| view! {
                                            <span class="sort-index" aria-hidden="true">{p + 1}</span>
                                        })}
                                    </button>
                                }
                                .into_any(),
                                None => view! { <span class="th-label" title=text>{text}</span> }.into_any(),
                            }}
                            {mask.map(|_| view! { <ColumnEye col=cid reveal=reveal /> })}
                        </div>
                        <ResizeHandle col=c id=cid layout=layout default_width=default_w label=resize_label />
                    </th>
                }
            })
            .collect_view();
        let actions_th = has_actions.then(|| {
            let gc = sel_cols + n_vis;
            view! {
                <th role="columnheader" scope="col" class="col-actions" data-r="-1" data-c=gc tabindex=tab((-1, gc))>
                    {move || Msg::Actions.text(i18n.get())}
                </th>
            }
        });
        view! {
            <tr role="row" aria-rowindex="1">
                {select_th}
                {cells}
                {actions_th}
                <th class="col-filler" aria-hidden="true"></th>
            </tr>
        }
    };

    // One row of the view.
    let render_row = move |i: usize| {
        let Some(row) = kind.row(i) else { return ().into_any() };
        let key = row_key(&row);
        let l = i18n.locale.get_untracked();
        let vis = visible.get_untracked();
        let r = i as i64;
        let aria_index = (base.get_untracked() + i as u64 + 2).to_string();
        let k = StoredValue::new(key.clone());
        let selected = move || k.with_value(|k| selection.with(|s| s.contains(k)));
        let select_td = selectable.then(|| {
            view! {
                <td role="gridcell" class="col-select" data-r=r data-c="0" tabindex=tab((r, 0))>
                    <input
                        type="checkbox"
                        data-testid="row-select"
                        tabindex="-1"
                        aria-label=move || Msg::SelectRow.text(i18n.get())
                        prop:checked=selected
                        on:change=move |_| k.with_value(|k| selection.update(|s| s.toggle(k)))
                    />
                </td>
            }
        });
        let n_vis = vis.len();
        let cells = columns.with_value(|cols| {
            vis.iter()
                .enumerate()
                .map(|(j, &c)| {
                    let col = &cols[c];
                    let gc = sel_cols + j;
                    let content = cell_content(col, &row, l, &key, reveal);
                    view! {
                        <td
                            role="gridcell"
                            data-col=col.id
                            data-r=r
                            data-c=gc
                            tabindex=tab((r, gc))
                            class:numeric=col.numeric()
                            class:col-frozen=j == 0
                        >
                            {content}
                        </td>
                    }
                })
                .collect_view()
        });
        let actions_td = has_actions.then(|| {
            let gc = sel_cols + n_vis;
            let links = row_actions.with_value(|acts| {
                acts.iter()
                    .enumerate()
                    .filter(|(_, a)| a.in_column)
                    .map(|(ai, a)| {
                        let text = a.label;
                        let tid = format!("action-{}", a.id);
                        match a.href {
                            Some(h) => view! {
                                <a class="row-action" data-testid=tid href=crate::routes::href(&h(&row))>
                                    {move || text.text(i18n.get())}
                                </a>
                            }
                            .into_any(),
                            None => {
                                let row = row.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="link-button row-action"
                                        data-testid=tid
                                        on:click=move |_| run_action(ai, row.clone())
                                    >
                                        {move || text.text(i18n.get())}
                                    </button>
                                }
                                .into_any()
                            }
                        }
                    })
                    .collect_view()
            });
            view! { <td role="gridcell" class="col-actions" data-r=r data-c=gc tabindex=tab((r, gc))>{links}</td> }
        });
        view! {
            <tr
                role="row"
                data-testid="row"
                aria-rowindex=aria_index
                class:selected=selected
                aria-selected=move || selectable.then(|| selected().to_string())
            >
                {select_td}
                {cells}
                {actions_td}
                <td class="col-filler" aria-hidden="true"></td>
            </tr>
        }
        .into_any()
    };

    let body = move || {
        if is_empty.get() {
            let n = ncols.get_untracked() + 1;
            return if loading.get() {
                states::skeleton(n).into_any()
            } else {
                view! {
                    <tr class="empty-row">
                        <td colspan=n>{move || view! { <EmptyState empty=empty.get() /> }}</td>
                    </tr>
                }
                .into_any()
            };
        }
        let span = move || (ncols.get() + 1).to_string();
        view! {
            {virt.then(|| view! {
                <tr class="spacer" aria-hidden="true">
                    <td colspan=span style:height=move || format!("{}px", window.get().0 as f64 * scroll.row_h.get())></td>
                </tr>
            })}
            <For
                each=move || {
                    let v = version.get();
                    let (a, b) = window.get();
                    (a..b).map(move |i| (v, i)).collect::<Vec<_>>()
                }
                key=|k| *k
                children=move |(_, i)| render_row(i)
            />
            {virt.then(|| view! {
                <tr class="spacer" aria-hidden="true">
                    <td
                        colspan=span
                        style:height=move || format!("{}px", (len.get() - window.get().1) as f64 * scroll.row_h.get())
                    ></td>
                </tr>
            })}
        }
        .into_any()
    };

    let colgroup = move || {
        let vis = visible.get();
        view! {
            {selectable.then(|| view! { <col class="col-select-w" /> })}
            {vis.into_iter().map(|c| view! {
                <col style:width=move || format!("{}px", layout.with(|l| l.widths[c])) />
            }).collect_view()}
            {has_actions.then(|| view! { <col class="col-actions-w" /> })}
            <col />
        }
    };
    let table_width = move || {
        let data: u32 = layout.with(|l| visible.with(|v| v.iter().map(|&c| l.widths[c]).sum()));
        data + if selectable { SELECT_WIDTH } else { 0 } + if has_actions { ACTIONS_WIDTH } else { 0 }
    };

    // Toolbar: total and selection with bulk actions on the left; export, refresh and the
    // column chooser on the right.
    let bulk_buttons = move || {
        bulk_actions.with_value(|acts| {
            acts.iter()
                .map(|a| {
                    let (run, label) = (a.run, a.label);
                    view! {
                        <button
                            type="button"
                            class="button"
                            class:danger=a.danger
                            data-testid=format!("bulk-{}", a.id)
                            disabled=move || { selected_count.get() == 0 || resolving.with(Option::is_some) }
                            on:click=move |_| run_bulk(run)
                        >
                            {move || label.text(i18n.get())}
                        </button>
                    }
                })
                .collect_view()
        })
    };
    let selection_info = move || {
        (selectable && selected_count.get() > 0).then(|| {
            view! {
                <span
                    class="selection-info"
                    data-testid="selection-count"
                    data-count=move || selected_count.get().to_string()
                    data-all=move || selection.with(|s| s.all).to_string()
                >
                    {move || Msg::SelectedCount.with_n(i18n.get(), selected_count.get())}
                </span>
                <Show when=move || { !selection.with(|s| s.all) && selected_count.get() < total.get() }>
                    <button
                        type="button"
                        class="link-button"
                        data-testid="select-all-matching"
                        on:click=move |_| selection.update(Selection::select_all)
                    >
                        {move || Msg::SelectAllMatching.with_n(i18n.get(), total.get())}
                    </button>
                </Show>
                <button
                    type="button"
                    class="link-button"
                    data-testid="clear-selection"
                    on:click=move |_| selection.update(Selection::clear)
                >
                    {move || Msg::ClearSelection.text(i18n.get())}
                </button>
            }
        })
    };
    let resolving_status = move || {
        resolving.get().map(|(done, t)| {
            view! {
                <span class="job-progress" role="status" data-testid="selection-progress">
                    <progress max=t.max(1).to_string() value=done.to_string()></progress>
                    <span>{move || Msg::PreparingSelection.with_n_t(i18n.get(), done, t)}</span>
                    <button type="button" class="link-button" on:click=move |_| resolving.set(None)>
                        {move || Msg::Cancel.text(i18n.get())}
                    </button>
                </span>
            }
        })
    };
    let export_status = move || {
        let l = i18n.get();
        match export.progress.get() {
            Progress::Idle => None,
            Progress::Running { done, total } => Some(
                view! {
                    <span class="job-progress" role="status" data-testid="export-progress">
                        <progress max=total.map(|t| t.max(1).to_string()) value=total.map(|_| done.to_string())></progress>
                        <span>
                            {match total {
                                Some(t) => Msg::ExportProgress.with_n_t(l, done, t),
                                None => Msg::ExportPreparing.text(l).to_string(),
                            }}
                        </span>
                        <button type="button" class="link-button" data-testid="export-cancel" on:click=move |_| export.cancel()>
                            {Msg::CancelExport.text(l)}
                        </button>
                    </span>
                }
                .into_any(),
            ),
            Progress::Done(n) => Some(
                view! {
                    <span class="job-status" role="status" data-testid="export-done" data-rows=n.to_string()>
                        {Msg::ExportDone.with_n(l, n)}
                    </span>
                }
                .into_any(),
            ),
            Progress::Failed(e) => Some(
                view! {
                    <span class="job-status job-failed" role="alert" data-testid="export-error">
                        {format!("{} ({})", Msg::ExportFailed.text(l), e.code)}
                    </span>
                }
                .into_any(),
            ),
            Progress::Cancelled => Some(
                view! {
                    <span class="job-status" role="status" data-testid="export-cancelled">
                        {Msg::ExportCancelled.text(l)}
                    </span>
                }
                .into_any(),
            ),
        }
    };

    let retry = Callback::new(move |_| {
        if let Some(r) = reload {
            r.run(());
        }
    });
    let on_scroll = move |_| {
        if virt {
            if let Some(w) = wrap.try_get_untracked().flatten() {
                scroll.top.set(w.scroll_top() as f64);
            }
        }
    };

    view! {
        <div class="data-table-card" data-table=id>
            <div class="table-toolbar">
                <div class="toolbar-left">
                    <span
                        class="muted"
                        data-testid="total-count"
                        data-total=move || total.get().to_string()
                        class:hidden=move || error.with(Option::is_some)
                    >
                        {move || total_label.with_n(i18n.get(), total.get())}
                    </span>
                    {selection_info}
                    {bulk_buttons}
                    {resolving_status}
                </div>
                <div class="toolbar-right">
                    {export_status}
                    {reload.map(|r| view! {
                        <button type="button" class="button" data-testid="refresh" on:click=move |_| r.run(())>
                            {icons::refresh()}
                            {move || Msg::Refresh.text(i18n.get())}
                        </button>
                    })}
                    <ColumnChooser headers=headers layout=layout on_reset=reset_layout />
                    <button
                        type="button"
                        class="button"
                        data-testid="export-csv"
                        disabled=move || export.running()
                        on:click=move |_| start_export()
                    >
                        {icons::download()}
                        {move || Msg::ExportCsv.text(i18n.get())}
                    </button>
                </div>
            </div>
            {move || error.get().map(|e| view! { <ErrorNotice error=e on_retry=retry /> })}
            <Show when=move || error.with(Option::is_none)>
                <div
                    class="table-wrap"
                    class:virtual=virt
                    class:stale=move || loading.get()
                    aria-busy=move || loading.get().to_string()
                    node_ref=wrap
                    on:scroll=on_scroll
                >
                    <table
                        class="data-table"
                        class:virtual=virt
                        class:selectable=selectable
                        role="grid"
                        node_ref=grid
                        data-testid=test_id
                        aria-label=move || label.get()
                        aria-rowcount=move || (total.get() + 1).to_string()
                        aria-colcount=move || ncols.get().to_string()
                        aria-multiselectable=selectable.then_some("true")
                        style:width=move || format!("{}px", table_width())
                        on:keydown=on_keydown
                        on:focusin=on_focusin
                    >
                        <colgroup>{colgroup}</colgroup>
                        <thead>{header}</thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {paged.then(|| view! {
                    <Pager
                        total=total
                        page=view.page
                        size=view.size
                        sizes=view.sizes
                        on_page=view.set_page
                        on_size=view.set_size
                    />
                })}
            </Show>
        </div>
    }
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
        view! { <span class="copy-cell"><span>{text.clone()}</span><CopyButton value=text /></span> }.into_any()
    } else {
        text.into_any()
    }
}
