//! The orders view (O1) as URL state: its filters, once.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::orders::ListCustomerOrdersRequest;
use partner_api::time::to_wire;

/// O1 sorts by creation time only.
pub const SORT_KEY: &str = "createTime";
/// Newest first.
pub const DEFAULT_SORT: &[(&str, bool)] = &[(SORT_KEY, true)];
/// O1 ranges must span at most a year (PARTNER_API.md §1.7).
pub const MAX_RANGE_DAYS: i64 = 366;

crate::list_filters! {
    pub struct OrderFilters {
        pub order_id: String = "order",
        pub customer_id: String = "customer",
        pub status: String = "status",
        pub order_type: String = "type",
        pub service_type: String = "service",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the creation time.
        pub from: String = "from",
        pub to: String = "to",
        pub reseller: String = "reseller",
    }
}

pub fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl OrderFilters {
    /// The creation range is reversed or longer than O1 allows.
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, Some(MAX_RANGE_DAYS))
    }

    /// The O1 request for this view (paging and order set by the table).
    pub fn to_request(&self) -> ListCustomerOrdersRequest {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::url::ListView;
    use crate::components::list_page::{Filters, SIZES};
    use crate::components::table::SortKey;
    use std::collections::HashMap;

    fn read(query: &str) -> ListView<OrderFilters> {
        let q: HashMap<String, String> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), partner_api::query::decode_component(v).unwrap()))
            .collect();
        ListView::read(&|k| q.get(k).cloned(), SIZES)
    }

    #[test]
    fn url_round_trip() {
        let f = OrderFilters {
            order_id: "CS1".into(),
            customer_id: "c 1".into(),
            status: "2".into(),
            from: "2026-01-01".into(),
            to: "2026-02-01".into(),
            reseller: "r".into(),
            ..Default::default()
        };
        let view =
            ListView { filters: f, sort: vec![SortKey { key: SORT_KEY.into(), desc: false }], page: 2, size: 50 };
        let q = view.to_query(SIZES);
        assert_eq!(q, "?order=CS1&customer=c%201&status=2&from=2026-01-01&to=2026-02-01&reseller=r&sort=createTime&page=2&size=50");
        assert_eq!(read(&q), view);
        assert!(view.filters.has_filters());
        assert!(!OrderFilters::default().has_filters());
    }

    #[test]
    fn ranges_over_a_year_or_reversed_are_refused() {
        let f = |from: &str, to: &str| OrderFilters { from: from.into(), to: to.into(), ..Default::default() }.range();
        assert_eq!(f("2026-02-01", "2026-01-01"), Some(Msg::DateRangeInvalid));
        assert_eq!(f("2025-01-01", "2026-01-02"), Some(Msg::DateRangeTooLong));
        assert_eq!(f("2025-01-01", "2025-12-31"), None);
        assert_eq!(f("", "2025-12-31"), None);
    }
}
