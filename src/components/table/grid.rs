//! The grid itself, compiled once for every row type: the page's rows reach it through
//! [`RowAccess`] (type-erased by the generic `DataTable<T>` in `mod.rs`), so the rendering,
//! keyboard, selection, chooser and export UI are not duplicated per row type (wasm size).

use super::chooser::ColumnChooser;
use super::export::{Export, Format, Progress};
use super::icons;
use super::keyboard::{self, KeyAction, Pos};
use super::masked::{ColumnEye, Mask, Reveal};
use super::prefs::{Declared, Layout};
use super::resize::ResizeHandle;
use super::selection::{BulkAction, Selected, Selection};
use super::source::{next_sort, TableView};
use super::states::{self, Empty, EmptyState};
use super::virtual_rows::{event_element, Scroll};
use crate::components::error_notice::ErrorNotice;
use crate::components::pager::Pager;
use crate::format::count;
use crate::i18n::{
    tr, use_i18n, CountText, ExportDone, ExportProgress, Locale, Msg, PreparingSelection, SelectAllMatching,
    SelectedCount,
};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::ApiError;
use std::collections::HashSet;
use std::sync::Arc;

/// Width of the selection column (CSS `.col-select-w`).
const SELECT_WIDTH: u32 = 44;
/// Narrowest row actions column.
const ACTIONS_MIN_WIDTH: u32 = 64;

/// Width of the row actions column (pinned on the right): its links side by side in this
/// language, estimated from the labels (14 px per CJK character, about 7.0 px for others, as
/// measured on the action labels in Noto Sans; a button's padding and the gaps), and never
/// narrower than its header.
fn actions_width(actions: &[ActionMeta], l: Locale) -> u32 {
    let text = |s: &str| s.chars().map(|c| if c as u32 >= 0x2e80 { 14.0 } else { 7.0 }).sum::<f64>();
    let links: Vec<f64> = actions.iter().filter(|a| a.in_column).map(|a| text(a.label.text(l)) + 8.0).collect();
    let gaps = 8.0 * links.len().saturating_sub(1) as f64;
    // Cell padding both sides, and a little slack for the font.
    let row = links.iter().sum::<f64>() + gaps + 16.0 + 6.0;
    let header = text(Msg::Actions.text(l)) + 16.0;
    (row.max(header).ceil() as u32).max(ACTIONS_MIN_WIDTH)
}

/// What the grid knows of a column.
#[derive(Debug, Clone, Copy)]
pub struct ColMeta {
    pub id: &'static str,
    pub header: Msg,
    pub sort_key: Option<&'static str>,
    pub desc_first: bool,
    pub numeric: bool,
    pub mask: Option<Mask>,
    pub width: u32,
    pub hidden: bool,
}

/// What the grid knows of a row action.
#[derive(Debug, Clone, Copy)]
pub struct ActionMeta {
    pub id: &'static str,
    pub label: Msg,
    pub in_column: bool,
}

/// The rows in view, whatever their type. `i` is a row of the current view (a page, or the
/// filtered and sorted client rows).
pub trait RowAccess: Send + Sync {
    /// The row's key and the contents of these (declared) columns.
    fn cells(&self, i: usize, cols: &[usize], l: Locale, reveal: Reveal) -> Option<(String, Vec<AnyView>)>;
    fn key(&self, i: usize) -> Option<String>;
    /// Why row `i` cannot be selected (None: it can).
    fn blocked(&self, i: usize) -> Option<Msg>;
    /// Whether row `i` offers row action `action` (some actions apply to some rows only).
    fn offers(&self, i: usize, action: usize) -> bool;
    /// How many matching rows cannot be selected (None: unknown, rows on other server pages).
    fn blocked_count(&self) -> Option<u64>;
    /// These keys without rows that cannot be selected (as far as the loaded rows tell).
    fn drop_blocked(&self, keys: Vec<String>) -> Vec<String>;
    /// The in-app path of a link action.
    fn href(&self, i: usize, action: usize) -> Option<String>;
    /// Runs an action (a link navigates).
    fn run(&self, i: usize, action: usize);
    /// Keys of every matching row except these (None when cancelled: `progress` cleared).
    fn resolve_all(
        &self,
        except: HashSet<String>,
        progress: RwSignal<Option<(u64, u64)>>,
    ) -> LocalBoxFuture<'static, Result<Option<Vec<String>>, ApiError>>;
    /// Exports every matching row, these columns, in this language, to this file type; `sheet`
    /// names the workbook's sheet; `full` writes personal data unmasked.
    fn export(&self, export: Export, cols: Vec<usize>, l: Locale, format: Format, sheet: String, full: bool);
}

/// Everything the grid needs, built by `DataTable<T>`.
pub struct Model {
    pub id: &'static str,
    pub test_id: &'static str,
    pub label: Signal<String>,
    pub cols: Vec<ColMeta>,
    pub view: TableView,
    pub multi_sort: bool,
    pub virt: bool,
    /// A client source (the table pages it itself).
    pub client: bool,
    pub selectable: bool,
    pub actions: Vec<ActionMeta>,
    pub bulk_actions: Vec<BulkAction>,
    pub total_label: CountText,
    pub empty: Signal<Empty>,
    pub loading: Signal<bool>,
    pub error: Signal<Option<ApiError>>,
    pub reload: Option<Callback<()>>,
    /// Rows in view.
    pub len: Memo<usize>,
    /// Rows matching the filter.
    pub total: Memo<u64>,
    /// Row offset of the view (aria-rowindex).
    pub base: Memo<u64>,
    /// Changes whenever the rows in view change.
    pub version: Memo<u64>,
    pub rows: Arc<dyn RowAccess>,
    /// Reads the filters (reactively): a change starts a new selection.
    pub filter_track: Arc<dyn Fn() + Send + Sync>,
    /// The page declared rows that cannot be selected.
    pub has_unselectable: bool,
}

#[component]
pub fn Grid(model: Model) -> impl IntoView {
    let i18n = use_i18n();
    let Model {
        id,
        test_id,
        label,
        cols,
        view,
        multi_sort,
        virt,
        client,
        selectable,
        actions,
        bulk_actions,
        total_label,
        empty,
        loading,
        error,
        reload,
        len,
        total,
        base,
        version: data_version,
        rows,
        filter_track,
        has_unselectable,
    } = model;
    let paged = !virt;
    let has_actions = actions.iter().any(|a| a.in_column);
    let action_metas = actions.clone();
    let actions_w = Memo::new(move |_| actions_width(&action_metas, i18n.get()));

    // Column layout, persisted.
    let declared: Vec<Declared> =
        cols.iter().map(|c| Declared { id: c.id, width: c.width, hidden: c.hidden }).collect();
    let default_layout = Layout::default_for(&declared);
    let layout = RwSignal::new(Layout::load(id, &declared));
    let headers: Vec<(&'static str, Msg)> = cols.iter().map(|c| (c.id, c.header)).collect();
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
    let cols = StoredValue::new(cols);
    let actions = StoredValue::new(actions);
    let bulk_actions = StoredValue::new(bulk_actions);
    let rows = StoredValue::new(rows);
    let filter_track = StoredValue::new(filter_track);

    let sel_cols = usize::from(selectable);
    // Grid columns: selection, data columns, actions.
    let ncols = Memo::new(move |_| sel_cols + visible.with(Vec::len) + usize::from(has_actions));

    // Data.
    let selection = RwSignal::new(Selection::default());
    let reveal = Reveal::new();
    let scroll = Scroll::new();
    let export = Export::new();
    // Personal data (names, e-mail, phone) is exported masked unless this is ticked; the
    // choice is offered only while such a column is visible, and is not remembered.
    let export_full = RwSignal::new(false);
    let personal_visible = Memo::new(move |_| {
        cols.with_value(|c| visible.with(|v| v.iter().any(|&i| c[i].mask.is_some_and(Mask::hides_personal_data))))
    });
    let resolving = RwSignal::new(None::<(u64, u64)>);

    // Rows re-render when the data, the visible columns or the language change.
    let version = Memo::new(move |prev: Option<&u64>| {
        // (Memos are lazy: reading, not just tracking, keeps them computed.)
        let _ = data_version.get();
        visible.with(|_| ());
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
            if client && view.page.get_untracked() != 1 {
                view.set_page.run(1);
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
            let _ = window.get();
            let _ = version.get();
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
        let _ = version.get();
        let (a, b) = window.get();
        if virt {
            return Vec::new();
        }
        rows.with_value(|r| (a..b).filter(|&i| r.blocked(i).is_none()).filter_map(|i| r.key(i)).collect::<Vec<_>>())
    });
    // Matching rows that cannot be selected: "all matching" leaves them out.
    let blocked_total = Memo::new(move |_| {
        let _ = data_version.get();
        if has_unselectable {
            rows.with_value(|r| r.blocked_count())
        } else {
            Some(0)
        }
    });
    let selectable_total = Memo::new(move |_| total.get().saturating_sub(blocked_total.get().unwrap_or(0)));
    let selected_count = Memo::new(move |_| selection.with(|s| s.count(selectable_total.get())));
    let page_state = Memo::new(move |_| {
        // (all selected, some selected) of what the header checkbox covers
        selection.with(|s| {
            if virt {
                let n = selected_count.get();
                (n > 0 && n == selectable_total.get(), n > 0)
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
        if let Some(k) = rows.with_value(|r| r.blocked(i).is_none().then(|| r.key(i)).flatten()) {
            selection.update(|s| s.toggle(&k));
        }
    };

    // Enter on a row runs its first action.
    let open_row = move |i: usize| rows.with_value(|r| r.run(i, 0));
    let sort_by = move |c: usize, add: bool| {
        let next = cols.with_value(|cols| {
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
            let keys = rows.with_value(|r| r.drop_blocked(sel.keys.into_iter().collect()));
            action.run(Selected { keys, all_matching: false });
            selection.update(Selection::clear);
            return;
        }
        resolving.set(Some((0, total.get_untracked())));
        let Some(resolve) = rows.try_with_value(|r| r.resolve_all(sel.keys, resolving)) else { return };
        spawn_local(async move {
            let result = resolve.await;
            if resolving.try_with_untracked(Option::is_some) != Some(true) {
                return; // cancelled, or the table is gone
            }
            resolving.try_set(None);
            match result {
                Ok(Some(keys)) => {
                    action.run(Selected { keys, all_matching: true });
                    selection.try_update(Selection::clear);
                }
                Ok(None) => {}
                Err(e) => {
                    export.progress.try_set(Progress::Failed(e));
                }
            }
        });
    };

    let start_export = move |format: Format| {
        let vis = visible.get_untracked();
        let l = i18n.locale.get_untracked();
        let sheet = label.get_untracked();
        let full = export_full.get_untracked() && personal_visible.get_untracked();
        rows.with_value(|r| r.export(export, vis, l, format, sheet, full));
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
        keyboard::sync_inner_tabindex(&g, p);
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
        let _ = version.get();
        let _ = window.get();
        visible.with(|_| ());
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
                    // The header is rebuilt with the new sort: focus its cell again.
                    move_focus(pos);
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
                <th role="columnheader" class="col-select" data-r="-1" data-c="0" tabindex="-1">
                    <input
                        type="checkbox"
                        data-testid="select-all-page"
                        tabindex="-1"
                        aria-label=tr(if virt { Msg::SelectAllRows } else { Msg::SelectPage })
                        // Nothing on the page can be selected (every row unselectable).
                        disabled=move || has_unselectable && !virt && page_keys.with(Vec::is_empty)
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
        // Rebuilt when the sort or the language changes (cheap), so every attribute is plain.
        let sort = view.sort.get();
        let l = i18n.get();
        let cells = vis
            .into_iter()
            .enumerate()
            .map(|(j, c)| {
                let gc = sel_cols + j;
                let ColMeta { id: cid, header, sort_key, numeric, mask, width: default_w, .. } =
                    cols.with_value(|cols| cols[c]);
                let text = header.text(l);
                // (position among the sort keys, descending)
                let sorted = sort_key.and_then(|k| sort.iter().position(|x| x.key == k).map(|p| (p, sort[p].desc)));
                let aria_sort = match (sort_key, sorted) {
                    (None, _) => None,
                    (Some(_), Some((0, true))) => Some("descending"),
                    (Some(_), Some((0, false))) => Some("ascending"),
                    (Some(_), _) => Some("none"),
                };
                let mark = match sorted {
                    Some((_, false)) => "▲",
                    Some((_, true)) => "▼",
                    None => "↕",
                };
                let index = sorted.filter(|_| sort.len() > 1).map(|(p, _)| p + 1);
                let resize_label = format!("{}: {text}", Msg::ResizeColumn.text(l));
                let label = view! { <span class="th-label" title=text>{text}</span> };
                view! {
                    <th
                        role="columnheader"
                        scope="col"
                        data-col=cid
                        data-r="-1"
                        data-c=gc
                        tabindex="-1"
                        class:numeric=numeric
                        class:col-frozen=j == 0
                        aria-sort=aria_sort
                        data-sort=sorted.map(|(_, d)| if d { "desc" } else { "asc" })
                        data-sort-index=sorted.map(|(p, _)| (p + 1).to_string())
                    >
                        <div class="th-inner">
                            {match sort_key {
                                Some(_) => view! {
                                    <button
                                        type="button"
                                        class="sort-button"
                                        tabindex="-1"
                                        data-testid=format!("sort-{cid}")
                                        title=multi_sort.then(|| Msg::SortHint.text(l))
                                        on:click=move |ev: leptos::ev::MouseEvent| sort_by(c, ev.shift_key())
                                    >
                                        {label}
                                        <span class="sort-mark" aria-hidden="true">{mark}</span>
                                        {index.map(|n| view! { <span class="sort-index" aria-hidden="true">{n}</span> })}
                                    </button>
                                }
                                .into_any(),
                                None => label.into_any(),
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
                <th role="columnheader" scope="col" class="col-actions" data-r="-1" data-c=gc tabindex="-1">
                    {tr(Msg::Actions)}
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
        let l = i18n.locale.get_untracked();
        let vis = visible.get_untracked();
        let Some((key, cells)) = rows.with_value(|r| r.cells(i, &vis, l, reveal)) else { return ().into_any() };
        let blocked = if has_unselectable { rows.with_value(|r| r.blocked(i)) } else { None };
        let r = i as i64;
        let aria_index = (base.get_untracked() + i as u64 + 2).to_string();
        let k = StoredValue::new(key);
        let selected = move || blocked.is_none() && k.with_value(|k| selection.with(|s| s.contains(k)));
        let select_td = selectable.then(|| {
            // A disabled box says why (title on the cell too: disabled inputs get no hover).
            let reason = blocked.map(|m| m.text(l).to_string());
            view! {
                <td role="gridcell" class="col-select" class:unselectable=blocked.is_some() title=reason.clone() data-r=r data-c="0" tabindex="-1">
                    <input
                        type="checkbox"
                        data-testid="row-select"
                        tabindex="-1"
                        aria-label=match reason.as_ref() {
                            Some(why) => format!("{}: {why}", Msg::SelectRow.text(l)),
                            None => Msg::SelectRow.text(l).to_string(),
                        }
                        title=reason.clone()
                        data-blocked=reason.clone()
                        disabled=blocked.is_some()
                        prop:checked=selected
                        on:change=move |_| k.with_value(|k| selection.update(|s| s.toggle(k)))
                    />
                </td>
            }
        });
        let n_vis = vis.len();
        let cells = cols.with_value(|cols| {
            vis.iter()
                .zip(cells)
                .enumerate()
                .map(|(j, (&c, content))| {
                    let col = &cols[c];
                    let gc = sel_cols + j;
                    view! {
                        <td
                            role="gridcell"
                            data-col=col.id
                            data-r=r
                            data-c=gc
                            tabindex="-1"
                            class:numeric=col.numeric
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
            let links = actions.with_value(|acts| {
                acts.iter()
                    .enumerate()
                    .filter(|(ai, a)| a.in_column && rows.with_value(|rw| rw.offers(i, *ai)))
                    .map(|(ai, a)| {
                        let text = a.label;
                        let tid = format!("action-{}", a.id);
                        match rows.with_value(|rw| rw.href(i, ai)) {
                            Some(href) => view! {
                                <a class="row-action" data-testid=tid href=crate::routes::href(&href)>
                                    {tr(text)}
                                </a>
                            }
                            .into_any(),
                            None => view! {
                                <button
                                    type="button"
                                    class="link-button row-action"
                                    data-testid=tid
                                    on:click=move |_| rows.with_value(|rw| rw.run(i, ai))
                                >
                                    {tr(text)}
                                </button>
                            }
                            .into_any(),
                        }
                    })
                    .collect_view()
            });
            view! { <td role="gridcell" class="col-actions" data-r=r data-c=gc tabindex="-1">{links}</td> }
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
            {has_actions.then(|| view! { <col class="col-actions-w" style:width=move || format!("{}px", actions_w.get()) /> })}
            <col />
        }
    };
    let table_width = move || {
        let data: u32 = layout.with(|l| visible.with(|v| v.iter().map(|&c| l.widths[c]).sum()));
        data + if selectable { SELECT_WIDTH } else { 0 } + if has_actions { actions_w.get() } else { 0 }
    };

    // Toolbar: total and selection with bulk actions on the left; export, refresh and the
    // column chooser on the right.
    let bulk_buttons =
        move || {
            bulk_actions.with_value(|acts| {
                acts.iter()
                    .map(|a| {
                        let (run, label, danger, id, shown) = (a.run, a.label, a.danger, a.id, a.shown);
                        move || {
                            shown.is_none_or(|s| s.get()).then(|| view! {
                        <button
                            type="button"
                            class="button"
                            class:danger=danger
                            data-testid=format!("bulk-{id}")
                            disabled=move || { selected_count.get() == 0 || resolving.with(Option::is_some) }
                            on:click=move |_| run_bulk(run)
                        >
                            {tr(label)}
                        </button>
                    })
                        }
                    })
                    .collect_view()
            })
        };
    // Rebuilt whenever the count changes (small), so its parts are plain values.
    let selection_info = move || {
        let n = selected_count.get();
        (selectable && n > 0).then(|| {
            let (l, all, t) = (i18n.get(), selection.with(|s| s.all), selectable_total.get());
            view! {
                <span class="selection-info" data-testid="selection-count" data-count=n.to_string() data-all=all.to_string()>
                    {SelectedCount { n: &count(n) }.text(l)}
                </span>
                {(all && blocked_total.get() != Some(0)).then(|| view! {
                    <span class="muted" data-testid="selection-skips-blocked">{Msg::SelectionSkipsBlocked.text(l)}</span>
                })}
                {(!all && n < t).then(|| view! {
                    <button
                        type="button"
                        class="link-button"
                        data-testid="select-all-matching"
                        on:click=move |_| selection.update(Selection::select_all)
                    >
                        {SelectAllMatching { n: &count(t) }.text(l)}
                    </button>
                })}
                <button
                    type="button"
                    class="link-button"
                    data-testid="clear-selection"
                    on:click=move |_| selection.update(Selection::clear)
                >
                    {Msg::ClearSelection.text(l)}
                </button>
            }
        })
    };
    let resolving_status = move || {
        resolving.get().map(|(done, t)| {
            view! {
                <span class="job-progress" role="status" data-testid="selection-progress">
                    <progress max=t.max(1).to_string() value=done.to_string()></progress>
                    <span>{move || PreparingSelection { done: &count(done), total: &count(t) }.text(i18n.get())}</span>
                    <button type="button" class="link-button" on:click=move |_| resolving.set(None)>
                        {tr(Msg::Cancel)}
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
                                Some(t) => ExportProgress { done: &count(done), total: &count(t) }.text(l),
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
                        {ExportDone { n: &count(n) }.text(l)}
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

    let export_button = move |format: Format, test_id: &'static str, label: Msg| {
        view! {
            <button
                type="button"
                class="button"
                data-testid=test_id
                disabled=move || export.running()
                on:click=move |_| start_export(format)
            >
                {icons::download()}
                {tr(label)}
            </button>
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
                        // "0 customers" while the first answer is on its way would be untrue.
                        {move || {
                            let (l, t) = (i18n.get(), total.get());
                            if t == 0 && loading.get() { Msg::Loading.text(l).to_string() } else { total_label(l, &count(t)) }
                        }}
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
                            {tr(Msg::Refresh)}
                        </button>
                    })}
                    <ColumnChooser headers=headers layout=layout on_reset=reset_layout />
                    {move || personal_visible.get().then(|| view! {
                        <label class="export-full" title=move || Msg::ExportFullHint.text(i18n.get())>
                            <input
                                type="checkbox"
                                data-testid="export-full"
                                prop:checked=move || export_full.get()
                                on:change=move |ev| export_full.set(event_target_checked(&ev))
                            />
                            {tr(Msg::ExportFull)}
                        </label>
                    })}
                    {export_button(Format::Csv, "export-csv", Msg::ExportCsv)}
                    {export_button(Format::Xlsx, "export-xlsx", Msg::ExportXlsx)}
                </div>
            </div>
            {move || error.get().map(|e| view! { <ErrorNotice error=e on_retry=retry /> })}
            // Kept mounted under an error (hidden), so Retry comes back to the same scroll position.
            <div class="table-body" class:hidden-by-error=move || error.with(Option::is_some)>
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
            </div>
        </div>
    }
    .into_any()
}
