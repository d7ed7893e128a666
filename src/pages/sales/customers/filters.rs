//! The customers view as URL state: filters, sort and page live in the query string, so
//! back/forward work and a copied link opens the same view.

use crate::components::table::url_view::{page_param, size_param, QueryString, UrlView};
use crate::components::table::SortKey;
use leptos_router::params::ParamsMap;
use partner_api::number_range::parse_amount_range;
use partner_api::opportunities::{OpportunityQuery, DEFAULT_ORDER_BY};
use partner_api::time::to_wire;

pub const PAGE_SIZES: &[u32] = &[10, 20, 50, 100];
pub const DEFAULT_PAGE_SIZE: u32 = 20;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomerFilters {
    pub keyword: String,
    pub industries: Vec<String>,
    pub types: Vec<String>,
    pub stages: Vec<String>,
    pub confidences: Vec<String>,
    /// Local calendar dates `YYYY-MM-DD` (inclusive).
    pub from: String,
    pub to: String,
    /// Expected monthly revenue range as typed (`rmin`/`rmax` in the URL).
    pub revenue_min: String,
    pub revenue_max: String,
    pub account_manager: String,
    pub reseller: String,
    /// `order_by` of the contract; empty = the default.
    pub sort: String,
    /// 1-based.
    pub page: u64,
    pub size: u32,
}

fn list(q: &ParamsMap, key: &str) -> Vec<String> {
    q.get(key).map(|v| v.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()).unwrap_or_default()
}

impl CustomerFilters {
    pub fn from_query(q: &ParamsMap) -> Self {
        let size = size_param(q, PAGE_SIZES, DEFAULT_PAGE_SIZE);
        CustomerFilters {
            keyword: q.get("q").unwrap_or_default(),
            industries: list(q, "industry"),
            types: list(q, "type"),
            stages: list(q, "stage"),
            confidences: list(q, "confidence"),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
            revenue_min: q.get("rmin").unwrap_or_default(),
            revenue_max: q.get("rmax").unwrap_or_default(),
            account_manager: q.get("am").unwrap_or_default(),
            reseller: q.get("reseller").unwrap_or_default(),
            sort: q.get("sort").unwrap_or_default(),
            page: page_param(q),
            size,
        }
    }

    /// The query string for this view (`?…`), leaving out defaults.
    pub fn to_query(&self) -> String {
        let mut q = QueryString::default();
        let mut push = |k: &str, v: &str| q.push(k, v);
        push("q", self.keyword.trim());
        push("industry", &self.industries.join(","));
        push("type", &self.types.join(","));
        push("stage", &self.stages.join(","));
        push("confidence", &self.confidences.join(","));
        push("from", &self.from);
        push("to", &self.to);
        push("rmin", self.revenue_min.trim());
        push("rmax", self.revenue_max.trim());
        push("am", &self.account_manager);
        push("reseller", &self.reseller);
        push("sort", &self.sort);
        q.paging(self.page, self.size, DEFAULT_PAGE_SIZE);
        q.finish()
    }

    /// True when anything narrows the list (sort and paging do not).
    pub fn has_filters(&self) -> bool {
        !(self.keyword.trim().is_empty()
            && self.industries.is_empty()
            && self.types.is_empty()
            && self.stages.is_empty()
            && self.confidences.is_empty()
            && self.from.is_empty()
            && self.to.is_empty()
            && self.revenue_min.trim().is_empty()
            && self.revenue_max.trim().is_empty()
            && self.account_manager.is_empty()
            && self.reseller.is_empty())
    }

    pub fn sort_key(&self) -> (String, bool) {
        let s = if self.sort.is_empty() { DEFAULT_ORDER_BY } else { self.sort.as_str() };
        match s.strip_prefix('-') {
            Some(k) => (k.to_string(), true),
            None => (s.to_string(), false),
        }
    }

    /// The API request for this view; dates are local days turned into UTC instants.
    pub fn to_request(&self) -> OpportunityQuery {
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        // A range edited by hand in the URL that does not parse is not sent (the field shows why).
        let revenue = parse_amount_range(&self.revenue_min, &self.revenue_max).unwrap_or_default();
        OpportunityQuery {
            keyword: opt(&self.keyword),
            industries: self.industries.clone(),
            opportunity_types: self.types.clone(),
            stages: self.stages.clone(),
            confidences: self.confidences.clone(),
            last_update_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            last_update_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            revenue_min: revenue.min,
            revenue_max: revenue.max,
            account_manager: opt(&self.account_manager),
            indirect_partner_id: opt(&self.reseller),
            order_by: opt(&self.sort),
            offset: Some(((self.page - 1) * self.size as u64) as i64),
            limit: Some(self.size as i64),
        }
    }
}

impl UrlView for CustomerFilters {
    fn from_query(q: &ParamsMap) -> Self {
        CustomerFilters::from_query(q)
    }

    fn to_query(&self) -> String {
        CustomerFilters::to_query(self)
    }

    fn applied(&self) -> Self {
        CustomerFilters { page: 1, sort: String::new(), size: 0, ..self.clone() }
    }

    fn page(&self) -> u64 {
        self.page
    }

    fn size(&self) -> u32 {
        self.size
    }

    fn sort(&self) -> Vec<SortKey> {
        let (key, desc) = self.sort_key();
        vec![SortKey { key, desc }]
    }

    fn with_page(self, page: u64) -> Self {
        CustomerFilters { page, ..self }
    }

    fn with_size(self, size: u32) -> Self {
        CustomerFilters { size, ..self }
    }

    fn with_sort(self, sort: Vec<SortKey>) -> Self {
        CustomerFilters { sort: sort.first().map(SortKey::order_by).unwrap_or_default(), ..self }
    }
}
