//! The pending orders (O1, status pending payment) as URL state.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::orders::{order_status, ListCustomerOrdersRequest};
use partner_api::time::to_wire;

/// O1 sorts by creation time only; oldest first, as the oldest are the first to lapse.
pub const SORT_KEY: &str = "createTime";
pub const DEFAULT_SORT: &[(&str, bool)] = &[(SORT_KEY, false)];

crate::list_filters! {
    pub struct PendingFilters {
        pub order_id: String = "order",
        pub customer_id: String = "customer",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the creation time.
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl PendingFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, Some(366))
    }

    /// O1 for this view: always pending payment.
    pub fn to_request(&self) -> ListCustomerOrdersRequest {
        ListCustomerOrdersRequest {
            order_id: opt(&self.order_id),
            customer_id: opt(&self.customer_id),
            create_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            create_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            status: Some(order_status::PENDING_PAYMENT),
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
    fn url_round_trip_and_always_pending() {
        let f = PendingFilters { order_id: "CS1".into(), customer_id: "c1".into(), ..Default::default() };
        let view = ListView { filters: f, sort: vec![], page: 1, size: SIZES.default };
        let q = view.to_query(SIZES);
        assert_eq!(q, "?order=CS1&customer=c1");
        let map: HashMap<String, String> =
            [("order", "CS1"), ("customer", "c1")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(ListView::<PendingFilters>::read(&|k| map.get(k).cloned(), SIZES), view);
        assert_eq!(PendingFilters::default().to_request().status, Some(order_status::PENDING_PAYMENT));
        assert!(!PendingFilters::default().has_filters());
    }
}
