//! The incentive list's filters as URL state.

use partner_api::incentives::model::ListIncentivesRequest;

crate::list_filters! {
    pub struct IncentiveFilters {
        /// A year `YYYY`: its twelve periods.
        pub year: String = "year",
        pub status: String = "status",
        pub bill: String = "bill",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl IncentiveFilters {
    pub fn to_request(&self) -> ListIncentivesRequest {
        let year = opt(&self.year).filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
        ListIncentivesRequest {
            period_begin: year.as_ref().map(|y| format!("{y}-01")),
            period_end: year.map(|y| format!("{y}-12")),
            status: opt(&self.status),
            bill_status: opt(&self.bill),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::url::ListView;
    use crate::components::list_page::{Filters, SIZES};
    use std::collections::HashMap;

    #[test]
    fn url_round_trip_and_request() {
        let f = IncentiveFilters { year: "2026".into(), status: "passed".into(), bill: "pending".into() };
        let view = ListView { filters: f.clone(), sort: vec![], page: 2, size: 20 };
        let q = view.to_query(SIZES);
        assert_eq!(q, "?year=2026&status=passed&bill=pending&page=2");
        let map: HashMap<String, String> = q
            .trim_start_matches('?')
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ListView::read(&|k| map.get(k).cloned(), SIZES), view);
        let r = f.to_request();
        assert_eq!(r.to_query_string(), "period_begin=2026-01&period_end=2026-12&status=passed&bill_status=pending");
        assert!(f.has_filters());
        let junk = IncentiveFilters { year: "20x6".into(), ..Default::default() };
        assert_eq!(junk.to_request().period_begin, None);
    }
}
