//! The pay-per-use resources view (O4) as URL state. O4 needs one customer; it has no sort.

use crate::components::table::url_view::{page_param, size_param, QueryString, UrlView};
use crate::components::table::SortKey;
use leptos_router::params::ParamsMap;
use partner_api::orders::{QueryCustomerOnDemandResourcesReq, MAX_ID_LEN, MAX_RESOURCE_IDS};
use partner_api::time::to_wire;

pub const PAGE_SIZES: &[u32] = &[10, 20, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 20;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PpuFilters {
    pub customer_id: String,
    pub region: String,
    pub service_type: String,
    pub status: String,
    /// Local calendar dates `YYYY-MM-DD` (inclusive) of the effective time.
    pub from: String,
    pub to: String,
    /// Resource ids as typed (comma, space or line separated).
    pub resource_ids: String,
    pub reseller: String,
    pub page: u64,
    pub size: u32,
}

/// Ids typed in one field: split on commas and white space, duplicates dropped, order kept.
pub fn split_ids(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in s.split(|c: char| c == ',' || c == '，' || c.is_whitespace()).filter(|x| !x.is_empty()) {
        if !out.iter().any(|x| x == id) {
            out.push(id.to_string());
        }
    }
    out
}

/// Why typed resource ids cannot be sent (too many, or one too long).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdsProblem {
    TooMany,
    TooLong,
}

pub fn ids_problem(s: &str) -> Option<IdsProblem> {
    let ids = split_ids(s);
    if ids.len() > MAX_RESOURCE_IDS {
        Some(IdsProblem::TooMany)
    } else if ids.iter().any(|i| i.chars().count() > MAX_ID_LEN) {
        Some(IdsProblem::TooLong)
    } else {
        None
    }
}

impl PpuFilters {
    pub fn has_filters(&self) -> bool {
        PpuFilters { customer_id: String::new(), ..self.applied() } != PpuFilters::default().applied()
    }

    /// The O4 request (paging set by the table); None until a customer is chosen.
    pub fn to_request(&self) -> Option<QueryCustomerOnDemandResourcesReq> {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let customer_id = opt(&self.customer_id)?;
        let ids = split_ids(&self.resource_ids);
        Some(QueryCustomerOnDemandResourcesReq {
            customer_id,
            region_code: opt(&self.region),
            service_type_code: opt(&self.service_type),
            resource_ids: (!ids.is_empty()).then_some(ids),
            effective_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            effective_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            status: self.status.parse().ok(),
            indirect_partner_id: opt(&self.reseller),
            ..Default::default()
        })
    }
}

impl UrlView for PpuFilters {
    fn from_query(q: &ParamsMap) -> Self {
        let size = size_param(q, PAGE_SIZES, DEFAULT_PAGE_SIZE);
        PpuFilters {
            customer_id: q.get("customer").unwrap_or_default(),
            region: q.get("region").unwrap_or_default(),
            service_type: q.get("service").unwrap_or_default(),
            status: q.get("status").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
            resource_ids: q.get("ids").unwrap_or_default(),
            reseller: q.get("reseller").unwrap_or_default(),
            page: page_param(q),
            size,
        }
    }

    fn to_query(&self) -> String {
        let mut q = QueryString::default();
        let mut push = |k: &str, v: &str| q.push(k, v);
        push("customer", self.customer_id.trim());
        push("region", self.region.trim());
        push("service", &self.service_type);
        push("status", &self.status);
        push("from", &self.from);
        push("to", &self.to);
        push("ids", &split_ids(&self.resource_ids).join(","));
        push("reseller", &self.reseller);
        q.paging(self.page, self.size, DEFAULT_PAGE_SIZE);
        q.finish()
    }

    fn applied(&self) -> Self {
        PpuFilters { page: 1, size: 0, ..self.clone() }
    }

    fn page(&self) -> u64 {
        self.page
    }

    fn size(&self) -> u32 {
        self.size
    }

    fn sort(&self) -> Vec<SortKey> {
        Vec::new()
    }

    fn with_page(self, page: u64) -> Self {
        PpuFilters { page, ..self }
    }

    fn with_size(self, size: u32) -> Self {
        PpuFilters { size, ..self }
    }

    fn with_sort(self, _: Vec<SortKey>) -> Self {
        self
    }
}
