//! Where a table's rows come from.
//!
//! - [`ServerSource`]: the API pages, sorts and filters. The table asks for one page at a time
//!   (`offset`/`limit` ≤ 100) with the current sort; the total comes from the response. Export
//!   and "select all matching" walk every page of the same filter.
//! - [`ClientSource`]: every row is in memory; the table filters, sorts (by several columns)
//!   and pages or virtually scrolls them itself.
//!
//! The view state (sort, page, page size) is a [`TableView`]: kept inside the table, or bound
//! by the page to its URL.

use super::column::{Column, SortVal};
use crate::i18n::Locale;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use partner_api::page::MAX_LIMIT;
use partner_api::ApiError;
use std::cmp::Ordering;
use std::future::Future;
use std::sync::Arc;

/// One sort key: a column's sort key and direction (the contract's, so a table's sort goes
/// straight into a [`partner_api::endpoint::Paged`] request).
pub use partner_api::endpoint::Sort as SortKey;

/// The sort after clicking a sortable header. A plain click sorts by that column alone (and
/// flips the direction when it already was the only key); with `add` (shift-click) the column
/// becomes a further key, or flips its direction where it already is one.
pub fn next_sort(current: &[SortKey], key: &str, desc_first: bool, add: bool) -> Vec<SortKey> {
    let existing = current.iter().position(|k| k.key == key);
    if add {
        let mut next = current.to_vec();
        match existing {
            Some(i) => next[i].desc = !next[i].desc,
            None => next.push(SortKey { key: key.to_string(), desc: desc_first }),
        }
        next
    } else {
        let desc = match existing {
            Some(0) => !current[0].desc,
            _ => desc_first,
        };
        vec![SortKey { key: key.to_string(), desc }]
    }
}

/// Sort, page and page size of a table, wherever they live.
#[derive(Clone, Copy)]
pub struct TableView {
    pub sort: Signal<Vec<SortKey>>,
    /// 1-based.
    pub page: Signal<u64>,
    pub size: Signal<u32>,
    pub sizes: &'static [u32],
    pub set_sort: Callback<Vec<SortKey>>,
    pub set_page: Callback<u64>,
    pub set_size: Callback<u32>,
}

pub const DEFAULT_SIZES: &[u32] = &[10, 20, 50, 100];

impl TableView {
    /// State kept by the table itself (lost when the page is left). A new sort or page size
    /// starts at page 1.
    pub fn local(sort: Vec<SortKey>, size: u32, sizes: &'static [u32]) -> Self {
        let sort = RwSignal::new(sort);
        let page = RwSignal::new(1u64);
        let size = RwSignal::new(size);
        TableView {
            sort: sort.into(),
            page: page.into(),
            size: size.into(),
            sizes,
            set_sort: Callback::new(move |s| {
                sort.set(s);
                page.set(1);
            }),
            set_page: Callback::new(move |p| page.set(p)),
            set_size: Callback::new(move |s| {
                size.set(s);
                page.set(1);
            }),
        }
    }
}

/// A slice of the matching rows and one answer for it: the contract's, so the API client can
/// page a [`partner_api::endpoint::Paged`] request without knowing the table.
pub use partner_api::endpoint::{Rows, Slice};

/// Loads any slice of the rows matching one (fixed) filter.
pub type Loader<T> = Arc<dyn Fn(Slice) -> LocalBoxFuture<'static, Result<Rows<T>, ApiError>> + Send + Sync>;

/// Makes a [`Loader`] from an async function of a slice.
pub fn loader<T, F, Fut>(f: F) -> Loader<T>
where
    F: Fn(Slice) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Rows<T>, ApiError>> + 'static,
{
    Arc::new(move |s| Box::pin(f(s)))
}

/// The loader of a list endpoint: each slice is one call of `request` with the slice's page and
/// sort (see [`partner_api::endpoint::Paged`]).
pub fn paged<E>(api: &crate::api::Api, request: E) -> Loader<E::Row>
where
    E: partner_api::endpoint::Paged + Send + Sync + 'static,
    E::Row: 'static,
{
    let api = *api;
    Arc::new(move |slice| {
        let request = request.clone();
        Box::pin(async move { api.page(&request, &slice).await })
    })
}

/// Rows the API pages, sorts and filters.
pub struct ServerSource<T> {
    /// Reads the page's filters (reactively; not sort or paging) and returns a loader of the
    /// rows that match them. The table reloads when they change and clears the selection.
    pub query: Arc<dyn Fn() -> Loader<T> + Send + Sync>,
    pub view: TableView,
    /// The API takes several sort keys (false: one `order_by`).
    pub multi_sort: bool,
}

impl<T> Clone for ServerSource<T> {
    fn clone(&self) -> Self {
        ServerSource { query: self.query.clone(), view: self.view, multi_sort: self.multi_sort }
    }
}

/// How client rows are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// One scrolling list; only the visible rows (and a few more) are in the DOM.
    Virtual,
    /// Pages under a pager.
    Pages,
}

/// A row filter of a client source.
pub type Predicate<T> = Arc<dyn Fn(&T) -> bool + Send + Sync>;

/// Rows already in memory.
pub struct ClientSource<T: Send + Sync + 'static> {
    pub rows: Signal<Arc<Vec<T>>>,
    /// Reads the page's filters (reactively) and returns the predicate rows must pass.
    pub filter: Arc<dyn Fn() -> Option<Predicate<T>> + Send + Sync>,
    pub view: TableView,
    pub paging: Paging,
    pub loading: Signal<bool>,
    pub error: Signal<Option<ApiError>>,
    /// Loads the rows again (Refresh, Retry).
    pub reload: Option<Callback<()>>,
}

impl<T: Send + Sync + 'static> Clone for ClientSource<T> {
    fn clone(&self) -> Self {
        ClientSource {
            rows: self.rows,
            filter: self.filter.clone(),
            view: self.view,
            paging: self.paging,
            loading: self.loading,
            error: self.error,
            reload: self.reload,
        }
    }
}

impl<T: Send + Sync + 'static> ClientSource<T> {
    pub fn new(rows: impl Into<Signal<Arc<Vec<T>>>>, paging: Paging, sort: Vec<SortKey>) -> Self {
        ClientSource {
            rows: rows.into(),
            filter: Arc::new(|| None),
            view: TableView::local(sort, 20, DEFAULT_SIZES),
            paging,
            loading: Signal::stored(false),
            error: Signal::stored(None),
            reload: None,
        }
    }

    pub fn filter(mut self, f: impl Fn() -> Option<Predicate<T>> + Send + Sync + 'static) -> Self {
        self.filter = Arc::new(f);
        self
    }

    /// Loading and error state of wherever the rows come from, and how to load them again.
    pub fn remote(mut self, loading: Signal<bool>, error: Signal<Option<ApiError>>, reload: Callback<()>) -> Self {
        self.loading = loading;
        self.error = error;
        self.reload = Some(reload);
        self
    }
}

pub enum Source<T: Send + Sync + 'static> {
    Server(ServerSource<T>),
    Client(ClientSource<T>),
}

impl<T: Send + Sync + 'static> Clone for Source<T> {
    fn clone(&self) -> Self {
        match self {
            Source::Server(s) => Source::Server(s.clone()),
            Source::Client(c) => Source::Client(c.clone()),
        }
    }
}

impl<T: Send + Sync + 'static> Source<T> {
    /// A server source with one `order_by`.
    pub fn server(view: TableView, query: impl Fn() -> Loader<T> + Send + Sync + 'static) -> Self {
        Source::Server(ServerSource { query: Arc::new(query), view, multi_sort: false })
    }

    pub fn view(&self) -> TableView {
        match self {
            Source::Server(s) => s.view,
            Source::Client(c) => c.view,
        }
    }

    pub fn multi_sort(&self) -> bool {
        match self {
            Source::Server(s) => s.multi_sort,
            Source::Client(_) => true,
        }
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self, Source::Client(c) if c.paging == Paging::Virtual)
    }
}

/// The filtered and sorted order of a client source's rows (indices into them). Compared by
/// identity: a new computation is a new order.
#[derive(Clone)]
pub struct Order(pub Arc<Vec<u32>>);

impl PartialEq for Order {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Filters and sorts client rows. Sort values are computed once per row and key, then a
/// permutation of positions is sorted (the rows never move; ties keep the rows' order, so the
/// result is stable even with the faster unstable sort; rows without a value last in either
/// direction).
pub fn client_order<T>(
    rows: &[T],
    filter: Option<&Predicate<T>>,
    sort: &[SortKey],
    columns: &[Column<T>],
    l: Locale,
) -> Vec<u32> {
    let mut idx: Vec<u32> = match filter {
        Some(p) => (0..rows.len()).filter(|&i| p(&rows[i])).map(|i| i as u32).collect(),
        None => (0..rows.len() as u32).collect(),
    };
    let keys: Vec<(&Column<T>, bool)> = sort
        .iter()
        .filter_map(|k| columns.iter().find(|c| c.sort_key == Some(k.key.as_str())).map(|c| (c, k.desc)))
        .collect();
    if keys.is_empty() {
        return idx;
    }
    // vals[k][p]: the value of key k for the row at position p of `idx`.
    let vals: Vec<Vec<SortVal>> =
        keys.iter().map(|(c, _)| idx.iter().map(|&i| c.sort_val(&rows[i as usize], l)).collect()).collect();
    // The first key's text prefixes (8 bytes, big-endian): most comparisons end there, without
    // reading the strings themselves (a cache miss each).
    let prefixes: Vec<u64> = vals[0].iter().map(|v| if let SortVal::Text(t) = v { prefix(t) } else { 0 }).collect();
    let first_desc = keys[0].1;
    let mut pos: Vec<u32> = (0..idx.len() as u32).collect();
    pos.sort_unstable_by(|&a, &b| {
        let (pa, pb) = (prefixes[a as usize], prefixes[b as usize]);
        if pa != pb {
            if let (SortVal::Text(_), SortVal::Text(_)) = (&vals[0][a as usize], &vals[0][b as usize]) {
                return if first_desc { pb.cmp(&pa) } else { pa.cmp(&pb) };
            }
        }
        for (k, (_, desc)) in keys.iter().enumerate() {
            let (x, y) = (&vals[k][a as usize], &vals[k][b as usize]);
            let o = match (x, y) {
                (SortVal::None, SortVal::None) => Ordering::Equal,
                (SortVal::None, _) => Ordering::Greater,
                (_, SortVal::None) => Ordering::Less,
                _ if *desc => y.cmp_asc(x),
                _ => x.cmp_asc(y),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        a.cmp(&b)
    });
    idx = pos.into_iter().map(|p| idx[p as usize]).collect();
    idx
}

/// The first 8 bytes of a text, big-endian, zero-padded: ordered like the texts themselves
/// wherever two prefixes differ (equal prefixes need the full comparison).
fn prefix(t: &str) -> u64 {
    let b = t.as_bytes();
    let mut p = [0u8; 8];
    let n = b.len().min(8);
    p[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(p)
}

/// Walks every page of a loader's rows (limit 100 per call), handing each batch over, until
/// all `total` rows came or `go_on` says stop. Returns the total, or None when stopped.
pub async fn for_each_page<T>(
    load: &Loader<T>,
    sort: Vec<SortKey>,
    mut batch: impl FnMut(Vec<T>, u64, u64),
    go_on: impl Fn() -> bool,
) -> Result<Option<u64>, ApiError> {
    let mut offset = 0u64;
    loop {
        if !go_on() {
            return Ok(None);
        }
        let page = load(Slice { offset, limit: MAX_LIMIT, sort: sort.clone() }).await?;
        if !go_on() {
            return Ok(None);
        }
        let n = page.rows.len() as u64;
        offset += n;
        let total = page.total;
        batch(page.rows, offset.min(total), total);
        if n < MAX_LIMIT as u64 || offset >= total {
            return Ok(Some(offset));
        }
    }
}
