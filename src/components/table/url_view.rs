//! A list page's view kept in the URL — filters, sort, page and page size — so back/forward
//! work and a copied link opens the same view. A page describes its query string once (an
//! [`UrlView`]); [`use_url_view`] reads it from the URL, navigates on every change and wires
//! the table's [`TableView`] to it (a new sort or size starts at page 1).

use super::source::{SortKey, TableView};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;

/// The state of a list page that lives in its query string.
pub trait UrlView: Clone + PartialEq + Send + Sync + 'static {
    fn from_query(q: &ParamsMap) -> Self;
    /// `?…` (or empty), leaving out defaults.
    fn to_query(&self) -> String;
    /// The filters only: sort and paging set to their defaults. A change of this (not of page,
    /// sort or size) resets the filter bar's draft and the table's selection.
    fn applied(&self) -> Self;
    /// 1-based.
    fn page(&self) -> u64;
    fn size(&self) -> u32;
    fn sort(&self) -> Vec<SortKey>;
    fn with_page(self, page: u64) -> Self;
    fn with_size(self, size: u32) -> Self;
    fn with_sort(self, sort: Vec<SortKey>) -> Self;
}

/// A page's URL state, wired.
pub struct UrlState<F: UrlView> {
    /// Everything in the URL.
    pub current: Memo<F>,
    /// The filters in the URL ([`UrlView::applied`]).
    pub applied: Memo<F>,
    /// Opens this view (a navigation: it becomes a history entry).
    pub go: Callback<F>,
    /// The table's sort, page and size, bound to the URL.
    pub table: TableView,
}

impl<F: UrlView> Clone for UrlState<F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: UrlView> Copy for UrlState<F> {}

impl<F: UrlView> UrlState<F> {
    /// Opens the view with these filters, on page 1, keeping the current sort and size.
    pub fn search(&self, filters: F) {
        let now = self.current.get_untracked();
        self.go.run(filters.with_sort(now.sort()).with_size(now.size()).with_page(1));
    }
}

/// Reads the page's view from the URL of `path` and binds a table to it.
pub fn use_url_view<F: UrlView>(path: &'static str, sizes: &'static [u32]) -> UrlState<F> {
    let query = use_query_map();
    let navigate = use_navigate();
    let current = Memo::new(move |_| query.with(F::from_query));
    let applied = Memo::new(move |_| current.with(F::applied));
    let go = Callback::new(move |f: F| navigate(&format!("{path}{}", f.to_query()), Default::default()));
    let table = TableView {
        sort: Signal::derive(move || current.with(F::sort)),
        page: Signal::derive(move || current.with(F::page)),
        size: Signal::derive(move || current.with(F::size)),
        sizes,
        set_sort: Callback::new(move |keys: Vec<SortKey>| go.run(current.get_untracked().with_sort(keys).with_page(1))),
        set_page: Callback::new(move |page: u64| go.run(current.get_untracked().with_page(page))),
        set_size: Callback::new(move |size: u32| go.run(current.get_untracked().with_size(size).with_page(1))),
    };
    UrlState { current, applied, go, table }
}

/// A query string built from (key, value) pairs: empty values left out, values URL-encoded.
#[derive(Default)]
pub struct QueryString(Vec<String>);

impl QueryString {
    pub fn push(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.0.push(format!("{key}={}", String::from(js_sys::encode_uri_component(value))));
        }
    }

    /// `page` (when not the first) and `size` (when not the default).
    pub fn paging(&mut self, page: u64, size: u32, default_size: u32) {
        if page > 1 {
            self.push("page", &page.to_string());
        }
        if size != default_size {
            self.push("size", &size.to_string());
        }
    }

    /// `?k=v&…`, or empty.
    pub fn finish(self) -> String {
        if self.0.is_empty() {
            String::new()
        } else {
            format!("?{}", self.0.join("&"))
        }
    }
}

/// `page` from a query: 1-based, 1 when absent or invalid.
pub fn page_param(q: &ParamsMap) -> u64 {
    q.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1)
}

/// `size` from a query when it is one of `sizes`, else the default.
pub fn size_param(q: &ParamsMap, sizes: &[u32], default: u32) -> u32 {
    q.get("size").and_then(|s| s.parse().ok()).filter(|s| sizes.contains(s)).unwrap_or(default)
}
