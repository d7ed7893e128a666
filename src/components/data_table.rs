//! The shared data table: pages declare columns; the table renders headers with sorting,
//! rows, the loading skeleton, a stale overlay while reloading, and the empty state.
//! (The full component — column chooser, virtual scrolling, selection, export — grows here.)

use crate::i18n::{use_i18n, Locale, Msg};
use leptos::prelude::*;

pub struct Column<T> {
    pub id: &'static str,
    pub header: Msg,
    /// The `order_by` key when the column is sortable.
    pub sort_key: Option<&'static str>,
    /// Sorting starts descending (numbers, dates) rather than ascending (names).
    pub desc_first: bool,
    /// Right-aligned tabular numbers (money).
    pub numeric: bool,
    pub cell: fn(&T, Locale) -> AnyView,
}

const SKELETON_ROWS: usize = 6;

/// The next `order_by` after clicking a column.
pub fn next_order(current: &(String, bool), key: &str, desc_first: bool) -> String {
    let desc = if current.0 == key { !current.1 } else { desc_first };
    if desc {
        format!("-{key}")
    } else {
        key.to_string()
    }
}

#[component]
pub fn DataTable<T>(
    columns: Vec<Column<T>>,
    #[prop(into)] rows: Signal<Vec<T>>,
    #[prop(into)] loading: Signal<bool>,
    /// (key, descending)
    #[prop(into)]
    sort: Signal<(String, bool)>,
    on_sort: Callback<String>,
    empty: ViewFn,
    test_id: &'static str,
    #[prop(into)] label: Signal<String>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let columns = StoredValue::new(columns);
    let col_count = columns.with_value(|c| c.len());

    let header = move || {
        columns.with_value(|cols| {
            cols.iter()
                .map(|c| {
                    let (key, desc_first, header) = (c.sort_key, c.desc_first, c.header);
                    let aria_sort = move || match key {
                        Some(k) if sort.with(|s| s.0 == k) => {
                            if sort.with(|s| s.1) { "descending" } else { "ascending" }
                        }
                        Some(_) => "none",
                        None => "",
                    };
                    let text = move || header.text(i18n.get());
                    view! {
                        <th
                            scope="col"
                            class:numeric=c.numeric
                            aria-sort=move || { let s = aria_sort(); (!s.is_empty()).then_some(s) }
                            data-col=c.id
                        >
                            {match key {
                                Some(k) => view! {
                                    <button
                                        class="sort-button"
                                        data-testid=format!("sort-{}", c.id)
                                        on:click=move |_| on_sort.run(next_order(&sort.get_untracked(), k, desc_first))
                                    >
                                        {text}
                                        <span class="sort-mark" aria-hidden="true">
                                            {move || match aria_sort() { "ascending" => "▲", "descending" => "▼", _ => "↕" }}
                                        </span>
                                    </button>
                                }.into_any(),
                                None => view! { <span>{text}</span> }.into_any(),
                            }}
                        </th>
                    }
                })
                .collect_view()
        })
    };

    let body =
        move || {
            let l = i18n.get();
            let rows = rows.get();
            if rows.is_empty() && loading.get() {
                return (0..SKELETON_ROWS)
                .map(|_| view! {
                    <tr class="skeleton-row" aria-hidden="true">
                        {(0..col_count).map(|_| view! { <td><span class="skeleton"></span></td> }).collect_view()}
                    </tr>
                })
                .collect_view()
                .into_any();
            }
            if rows.is_empty() {
                return view! { <tr class="empty-row"><td colspan=col_count>{empty.run()}</td></tr> }.into_any();
            }
            columns.with_value(|cols| {
                rows.iter()
                    .map(|r| {
                        view! {
                            <tr data-testid="row">
                                {cols.iter().map(|c| view! {
                                    <td class:numeric=c.numeric data-col=c.id>{(c.cell)(r, l)}</td>
                                }).collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()
                    .into_any()
            })
        };

    view! {
        <div class="table-wrap" class:stale=move || loading.get() aria-busy=move || loading.get().to_string()>
            <table class="data-table" data-testid=test_id aria-label=move || label.get()>
                <thead><tr>{header}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
