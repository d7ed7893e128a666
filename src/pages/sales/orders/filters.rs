//! The orders view as URL state (filters, sort, page), so back/forward and copied links work.

use crate::components::table::url_view::{page_param, size_param, QueryString, UrlView};
use crate::components::table::SortKey;
use leptos_router::params::ParamsMap;
use partner_api::orders::ListCustomerOrdersRequest;
use partner_api::time::to_wire;

pub const PAGE_SIZES: &[u32] = &[10, 20, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 20;
/// O1 sorts by creation time only.
pub const SORT_KEY: &str = "createTime";
/// O1 ranges must span at most a year (PARTNER_API.md §1.7).
pub const MAX_RANGE_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderFilters {
    pub order_id: String,
    pub customer_id: String,
    pub status: String,
    pub order_type: String,
    pub service_type: String,
    /// Local calendar dates `YYYY-MM-DD` (inclusive) of the creation time.
    pub from: String,
    pub to: String,
    pub reseller: String,
    /// true = oldest first (`createTime`); default newest first.
    pub ascending: bool,
    pub page: u64,
    pub size: u32,
}

impl OrderFilters {
    pub fn from_query(q: &ParamsMap) -> Self {
        let size = size_param(q, PAGE_SIZES, DEFAULT_PAGE_SIZE);
        OrderFilters {
            order_id: q.get("order").unwrap_or_default(),
            customer_id: q.get("customer").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
            order_type: q.get("type").unwrap_or_default(),
            service_type: q.get("service").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
            reseller: q.get("reseller").unwrap_or_default(),
            ascending: q.get("sort").as_deref() == Some(SORT_KEY),
            page: page_param(q),
            size,
        }
    }

    pub fn to_query(&self) -> String {
        let mut q = QueryString::default();
        let mut push = |k: &str, v: &str| q.push(k, v);
        push("order", self.order_id.trim());
        push("customer", self.customer_id.trim());
        push("status", &self.status);
        push("type", &self.order_type);
        push("service", &self.service_type);
        push("from", &self.from);
        push("to", &self.to);
        push("reseller", &self.reseller);
        if self.ascending {
            push("sort", SORT_KEY);
        }
        q.paging(self.page, self.size, DEFAULT_PAGE_SIZE);
        q.finish()
    }

    /// The filters only (not sort or paging), for comparing views.
    pub fn applied(&self) -> OrderFilters {
        OrderFilters { ascending: false, page: 1, size: 0, ..self.clone() }
    }

    pub fn has_filters(&self) -> bool {
        self.applied() != OrderFilters { size: 0, page: 1, ..Default::default() }
    }

    /// Why the date range cannot be sent, if it cannot.
    pub fn range_problem(from: &str, to: &str) -> Option<RangeProblem> {
        let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        match (parse(from), parse(to)) {
            (Some(f), Some(t)) if f > t => Some(RangeProblem::Reversed),
            (Some(f), Some(t)) if (t - f).num_days() >= MAX_RANGE_DAYS => Some(RangeProblem::TooLong),
            _ => None,
        }
    }

    /// The O1 request for this view (paging and order set by the table).
    pub fn to_request(&self) -> ListCustomerOrdersRequest {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        ListCustomerOrdersRequest {
            order_id: opt(&self.order_id),
            customer_id: opt(&self.customer_id),
            create_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            create_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            service_type_code: opt(&self.service_type),
            status: self.status.parse().ok(),
            order_type: opt(&self.order_type),
            indirect_partner_id: opt(&self.reseller),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeProblem {
    Reversed,
    TooLong,
}

impl UrlView for OrderFilters {
    fn from_query(q: &ParamsMap) -> Self {
        OrderFilters::from_query(q)
    }

    fn to_query(&self) -> String {
        OrderFilters::to_query(self)
    }

    fn applied(&self) -> Self {
        OrderFilters::applied(self)
    }

    fn page(&self) -> u64 {
        self.page
    }

    fn size(&self) -> u32 {
        self.size
    }

    fn sort(&self) -> Vec<SortKey> {
        vec![SortKey { key: SORT_KEY.into(), desc: !self.ascending }]
    }

    fn with_page(self, page: u64) -> Self {
        OrderFilters { page, ..self }
    }

    fn with_size(self, size: u32) -> Self {
        OrderFilters { size, ..self }
    }

    fn with_sort(self, sort: Vec<SortKey>) -> Self {
        OrderFilters { ascending: sort.first().is_some_and(|k| !k.desc), ..self }
    }
}
