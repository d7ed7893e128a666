//! A list page as a declaration. A page declares its filters once ([`list_filters!`]: one
//! struct that is both the URL state and the filter bar's draft), how they become a request
//! (`load`, usually `paged(&api, filters.to_request())`), its columns, row and bulk actions, its
//! checks and its empty states; [`ListPage`] does the rest: the filter bar (the page's widgets
//! bound to fields of the draft, Search blocked while a check fails, Reset), URL sync, loading,
//! paging, sorting, the [`DataTable`] and its states ("clear filters" when filters hide every
//! row). See docs/architecture-lists.md for a worked example.

pub mod early;
pub mod state;
pub mod url;

pub use early::start_first_page;
pub use state::{Bind, Check, Draft, ListUrl};
pub use url::{filters_query, Filters, Sizes, SIZES};

use crate::components::table::{BulkAction, Column, DataTable, Empty, EmptyReason, Loader, RowAction, Source};
use crate::i18n::{tr, use_i18n, CountText, Msg, TableTotal};
use leptos::prelude::*;
use std::sync::Arc;

type Shared<A, B> = Arc<dyn Fn(A) -> B + Send + Sync>;

/// The declaration of a list page over filters `F` and rows `R` (built with the methods below,
/// handed to [`ListPage`]).
pub struct List<F: Filters, R: Send + Sync + 'static> {
    url: ListUrl<F>,
    /// The table's id (layout persistence, export names) and test id.
    id: &'static str,
    test_id: &'static str,
    label: Msg,
    total_label: Option<CountText>,
    columns: Shared<(), Vec<Column<R>>>,
    load: Shared<F, Loader<R>>,
    row_key: fn(&R) -> String,
    row_actions: Vec<RowAction<R>>,
    bulk_actions: Vec<BulkAction>,
    selectable: bool,
    empty: Msg,
    empty_filtered: Msg,
    /// A page's own empty state before the generic ones (e.g. "choose a customer first").
    empty_special: Option<Shared<F, Option<Empty>>>,
    checks: Vec<Check<F>>,
    tidy: fn(F) -> F,
    bar: Option<Shared<Draft<F>, AnyView>>,
    bar_actions: Option<ViewFn>,
    above_table: Option<ViewFn>,
    form: FormIds,
    table_card: bool,
}

/// Test ids and class of the filter form (the defaults suit most pages).
#[derive(Clone, Copy)]
pub struct FormIds {
    pub form: &'static str,
    pub class: &'static str,
    pub search: &'static str,
    pub reset: &'static str,
}

impl<F: Filters, R: Clone + Send + Sync + 'static> List<F, R> {
    /// A list over `url` whose table is `id`/`test_id`, labelled `label`, loading the rows of the
    /// applied filters with `load` (which may read signals: the table reloads when they change).
    pub fn new(
        url: ListUrl<F>,
        id: &'static str,
        test_id: &'static str,
        label: Msg,
        load: impl Fn(F) -> Loader<R> + Send + Sync + 'static,
    ) -> Self {
        List {
            url,
            id,
            test_id,
            label,
            total_label: None,
            columns: Arc::new(|_| Vec::new()),
            load: Arc::new(load),
            row_key: |_| String::new(),
            row_actions: Vec::new(),
            bulk_actions: Vec::new(),
            selectable: false,
            empty: Msg::EmptyNone,
            empty_filtered: Msg::EmptyFiltered,
            empty_special: None,
            checks: Vec::new(),
            tidy: |f| f,
            bar: None,
            bar_actions: None,
            above_table: None,
            form: FormIds {
                form: "list-filters",
                class: "filter-bar card",
                search: "filter-search",
                reset: "filter-reset",
            },
            table_card: true,
        }
    }

    /// The columns (read reactively: a signal read here rebuilds the table, e.g. a column
    /// shown to distributors only) and the rows' key.
    pub fn columns(
        mut self,
        columns: impl Fn() -> Vec<Column<R>> + Send + Sync + 'static,
        key: fn(&R) -> String,
    ) -> Self {
        self.columns = Arc::new(move |_| columns());
        self.row_key = key;
        self
    }

    /// The total line in the page's words, e.g. `QtTotal::of` (default: "{n} rows").
    pub fn total(mut self, label: CountText) -> Self {
        self.total_label = Some(label);
        self
    }

    pub fn row_actions(mut self, actions: Vec<RowAction<R>>) -> Self {
        self.row_actions = actions;
        self
    }

    pub fn bulk_actions(mut self, actions: Vec<BulkAction>) -> Self {
        self.bulk_actions = actions;
        self
    }

    pub fn selectable(mut self) -> Self {
        self.selectable = true;
        self
    }

    /// Messages when there are no rows at all, and when the filters hide every row.
    pub fn empty(mut self, none: Msg, filtered: Msg) -> Self {
        self.empty = none;
        self.empty_filtered = filtered;
        self
    }

    pub fn empty_special(mut self, f: impl Fn(F) -> Option<Empty> + Send + Sync + 'static) -> Self {
        self.empty_special = Some(Arc::new(f));
        self
    }

    /// A check that blocks Search while it fails (its widget shows the message).
    pub fn check(mut self, check: Check<F>) -> Self {
        self.checks.push(check);
        self
    }

    /// Tidies the draft before it goes into the URL (e.g. a list of ids normalised).
    pub fn tidy(mut self, tidy: fn(F) -> F) -> Self {
        self.tidy = tidy;
        self
    }

    /// The filter widgets, bound to the draft: one or more `<div class="filter-row">` (the form
    /// adds Search and Reset after them).
    pub fn bar(mut self, bar: impl Fn(Draft<F>) -> AnyView + Send + Sync + 'static) -> Self {
        self.bar = Some(Arc::new(bar));
        self
    }

    /// More buttons after Search and Reset.
    pub fn bar_actions(mut self, v: impl Into<ViewFn>) -> Self {
        self.bar_actions = Some(v.into());
        self
    }

    /// What stands between the filter bar and the table (notices, results).
    pub fn above_table(mut self, v: impl Into<ViewFn>) -> Self {
        self.above_table = Some(v.into());
        self
    }

    pub fn form(mut self, form: FormIds) -> Self {
        self.form = form;
        self
    }

    /// The form's test id (the other ids default).
    pub fn form_id(mut self, id: &'static str) -> Self {
        self.form.form = id;
        self
    }

    /// The table without its own card (the page puts the whole list in one).
    pub fn bare(mut self) -> Self {
        self.table_card = false;
        self
    }
}

/// A declared list page's filter bar and table (see the module docs).
#[component]
pub fn ListPage<F, R>(list: List<F, R>) -> impl IntoView
where
    F: Filters,
    R: Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let List { url, id, test_id, label, total_label, columns, load, row_key, .. } = list;
    let draft = Draft::following(url);
    let checks = StoredValue::new(list.checks);
    let tidy = list.tidy;
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = draft.value.get_untracked();
        if checks.with_value(|c| c.iter().any(|check| check(&f).is_some())) {
            draft.tried.set(true);
            return;
        }
        url.search(tidy(f));
    };
    let source = Source::server(url.table(), move || load(url.filters.get()));
    let clear = Callback::new(move |_| url.clear());
    let (none, filtered, special) = (list.empty, list.empty_filtered, list.empty_special);
    let empty = Signal::derive(move || {
        let f = url.filters.get();
        if let Some(e) = special.as_ref().and_then(|s| s(f.clone())) {
            e
        } else if f.has_filters() {
            Empty::new(EmptyReason::Filtered, filtered).action(Msg::ClearFilters, clear)
        } else {
            Empty::new(EmptyReason::NoData, none)
        }
    });
    let (row_actions, bulk_actions) = (StoredValue::new(list.row_actions), list.bulk_actions);
    let selectable = list.selectable;
    let table = move || {
        let columns = columns(());
        let (source, bulk_actions) = (source.clone(), bulk_actions.clone());
        untrack(move || {
            view! {
                <DataTable
                    id=id
                    test_id=test_id
                    label=Signal::derive(move || label.text(i18n.get()).to_string())
                    columns=columns
                    source=source
                    row_key=row_key
                    row_actions=row_actions.with_value(|a| a.to_vec())
                    bulk_actions=bulk_actions
                    selectable=selectable
                    empty=empty
                    total_label=total_label.unwrap_or(TableTotal::of)
                />
            }
        })
    };
    let form = list.form;
    // A list without filters has no form.
    let bar_actions = list.bar_actions;
    let form = list.bar.map(|bar| {
        let bar = bar(draft);
        view! {
            <form class=form.class data-testid=form.form on:submit=search novalidate>
                {bar}
                <div class="filter-actions">
                    <button class="button primary" type="submit" data-testid=form.search>{tr(Msg::Search)}</button>
                    <button class="button" type="button" data-testid=form.reset on:click=move |_| url.clear()>{tr(Msg::Reset)}</button>
                    {bar_actions.map(|v| v.run())}
                </div>
            </form>
        }
    });
    view! {
        {form}
        {list.above_table.map(|v| v.run())}
        {if list.table_card {
            view! { <div class="card table-card">{table}</div> }.into_any()
        } else {
            table.into_any()
        }}
    }
}
