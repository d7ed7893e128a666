//! The pay-per-use resources view (O4) as URL state. O4 needs one customer; it has no sort.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::orders::{QueryCustomerOnDemandResourcesReq, MAX_ID_LEN, MAX_RESOURCE_IDS};
use partner_api::time::to_wire;

crate::list_filters! {
    pub struct PpuFilters {
        /// O4 needs one customer: kept by Reset.
        pub customer_id: String = "customer" [kept],
        pub region: String = "region",
        pub service_type: String = "service",
        pub status: String = "status",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the effective time.
        pub from: String = "from",
        pub to: String = "to",
        /// Resource ids as typed (comma, space or line separated; one comma list in the URL).
        pub resource_ids: String = "ids",
        pub reseller: String = "reseller",
    }
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

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl PpuFilters {
    pub fn customer_missing(&self) -> Option<Msg> {
        self.customer_id.trim().is_empty().then_some(Msg::PpuCustomerRequired)
    }

    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    pub fn ids(&self) -> Option<Msg> {
        ids_problem(&self.resource_ids).map(|p| match p {
            IdsProblem::TooMany => Msg::PpuTooManyIds,
            IdsProblem::TooLong => Msg::PpuIdTooLong,
        })
    }

    /// The ids as one comma list (what the URL holds).
    pub fn tidy(self) -> Self {
        PpuFilters { resource_ids: split_ids(&self.resource_ids).join(","), ..self }
    }

    /// The O4 request (paging set by the table); None until a customer is chosen.
    pub fn to_request(&self) -> Option<QueryCustomerOnDemandResourcesReq> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::url::ListView;
    use crate::components::list_page::{Filters, SIZES};
    use std::collections::HashMap;

    #[test]
    fn url_round_trip_keeps_the_customer_on_reset() {
        let f = PpuFilters {
            customer_id: "c1".into(),
            resource_ids: "a, b\na".into(),
            status: "1".into(),
            ..Default::default()
        }
        .tidy();
        assert_eq!(f.resource_ids, "a,b");
        let q = ListView::new(f.clone(), SIZES).to_query(SIZES);
        assert_eq!(q, "?customer=c1&status=1&ids=a%2Cb");
        let map: HashMap<String, String> = [("customer", "c1"), ("status", "1"), ("ids", "a,b")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ListView::<PpuFilters>::read(&|k| map.get(k).cloned(), SIZES).filters, f);
        assert_eq!(f.kept(), PpuFilters { customer_id: "c1".into(), ..Default::default() });
        assert!(f.has_filters() && !f.kept().has_filters());
        assert_eq!(PpuFilters::default().customer_missing(), Some(Msg::PpuCustomerRequired));
        assert!(PpuFilters::default().to_request().is_none());
    }
}
