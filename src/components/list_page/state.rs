//! A list page's state at run time: its [`ListView`] read from the URL (every change is a
//! navigation, so back/forward and copied links work), the table's sort and paging bound to
//! it, and the filter bar's [`Draft`] of the filters struct.

use super::url::{Field, Filters, ListView, Sizes};
use crate::components::table::{SortKey, TableView};
use crate::i18n::Msg;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// A value a filter widget edits: read reactively, set through a callback (a field of a
/// draft, or any signal).
pub struct Bind<V: Send + Sync + 'static> {
    pub get: Signal<V>,
    pub set: Callback<V>,
}

impl<V: Send + Sync + 'static> Clone for Bind<V> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<V: Send + Sync + 'static> Copy for Bind<V> {}

impl<V: Clone + Send + Sync + 'static> From<RwSignal<V>> for Bind<V> {
    fn from(s: RwSignal<V>) -> Self {
        Bind { get: s.into(), set: Callback::new(move |v| s.set(v)) }
    }
}

/// A page's URL state, wired.
pub struct ListUrl<F: Filters> {
    pub path: &'static str,
    /// Everything in the URL.
    pub current: Memo<ListView<F>>,
    /// The filters applied: those in the URL with the `[local]` ones (a change of these, not
    /// of page or sort, is a new search).
    pub filters: Memo<F>,
    /// The last search's `[local]` fields.
    local: RwSignal<F>,
    pub sizes: Sizes,
    /// The sort when the person chose none.
    pub default_sort: &'static [(&'static str, bool)],
    navigate: Callback<String>,
}

impl<F: Filters> Clone for ListUrl<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Filters> Copy for ListUrl<F> {}

impl<F: Filters> ListUrl<F> {
    /// Reads the view of the page at `path` from the URL.
    pub fn new(path: &'static str, sizes: Sizes, default_sort: &'static [(&'static str, bool)]) -> Self {
        let query = use_query_map();
        let current = Memo::new(move |_| query.with(|q| ListView::<F>::read(&|k| q.get(k), sizes)));
        let local = RwSignal::new(F::default());
        let filters = Memo::new(move |_| current.with(|c| local.with(|l| c.filters.clone().with_local(l))));
        let nav = use_navigate();
        let navigate = Callback::new(move |to: String| nav(&to, Default::default()));
        ListUrl { path, current, filters, local, sizes, default_sort, navigate }
    }

    /// The link of a view of this page.
    pub fn href(&self, view: &ListView<F>) -> String {
        format!("{}{}", self.path, view.to_query(self.sizes))
    }

    /// Opens a view (a navigation: a history entry).
    pub fn go(&self, view: ListView<F>) {
        self.navigate.run(self.href(&view));
    }

    /// Searches these filters: page 1, keeping the sort and size.
    pub fn search(&self, filters: F) {
        let now = self.current.get_untracked();
        self.local.set(filters.clone());
        self.go(ListView { filters, page: 1, ..now });
    }

    /// Reset and "clear filters": only the kept fields stay, in the default sort, on page 1.
    pub fn clear(&self) {
        let now = self.current.get_untracked();
        self.local.set(F::default());
        self.go(ListView { filters: now.filters.kept(), sort: Vec::new(), page: 1, size: now.size });
    }

    fn sort(&self) -> Vec<SortKey> {
        self.current.with(|c| c.sort_or(self.default_sort))
    }

    /// The table's sort, page and size, bound to the URL (a new sort or size starts at page 1).
    pub fn table(&self) -> TableView {
        let (url, current) = (*self, self.current);
        let with = move |f: &dyn Fn(&mut ListView<F>)| {
            let mut v = current.get_untracked();
            f(&mut v);
            url.go(v);
        };
        TableView {
            sort: Signal::derive(move || url.sort()),
            page: Signal::derive(move || current.with(|c| c.page)),
            size: Signal::derive(move || current.with(|c| c.size)),
            sizes: self.sizes.sizes,
            set_sort: Callback::new(move |keys: Vec<SortKey>| {
                with(&|v| {
                    v.sort = keys.clone();
                    v.page = 1;
                })
            }),
            set_page: Callback::new(move |page: u64| with(&|v| v.page = page)),
            set_size: Callback::new(move |size: u32| {
                with(&|v| {
                    v.size = size;
                    v.page = 1;
                })
            }),
        }
    }
}

/// A check of the filters: what is wrong (None: fine). Any problem blocks Search; the field's
/// widget shows the message.
pub type Check<F> = fn(&F) -> Option<Msg>;

/// The filter bar's draft: one signal of the whole filters struct, following the URL's
/// filters (a new search, back/forward) and never reset by paging or sorting.
pub struct Draft<F: Filters> {
    pub value: RwSignal<F>,
    /// The last Search was refused by a check (messages that show only after trying).
    pub tried: RwSignal<bool>,
}

impl<F: Filters> Clone for Draft<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Filters> Copy for Draft<F> {}

impl<F: Filters> Draft<F> {
    pub fn following(url: ListUrl<F>) -> Self {
        let value = RwSignal::new(url.filters.get_untracked());
        let tried = RwSignal::new(false);
        Effect::new(move |_| {
            value.set(url.filters.get());
            tried.set(false);
        });
        Draft { value, tried }
    }

    /// The widget binding of one field.
    pub fn bind<V: Clone + Send + Sync + 'static>(&self, field: Field<F, V>) -> Bind<V> {
        let value = self.value;
        Bind {
            get: Signal::derive(move || value.with(|f| (field.get)(f).clone())),
            set: Callback::new(move |v: V| value.update(|f| *(field.get_mut)(f) = v)),
        }
    }

    /// A check's message for the draft as it is edited.
    pub fn check(&self, check: Check<F>) -> Signal<Option<Msg>> {
        let value = self.value;
        Signal::derive(move || value.with(check))
    }

    /// A check's message, shown once a Search was refused.
    pub fn check_after_search(&self, check: Check<F>) -> Signal<Option<Msg>> {
        let (value, tried) = (self.value, self.tried);
        Signal::derive(move || if tried.get() { value.with(check) } else { None })
    }
}
