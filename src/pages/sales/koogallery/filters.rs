//! The marketplace orders view (S12) as URL state. Without a status the view is the orders
//! pending payment, the ones a price can change; `ALL` shows every status.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::koogallery::{status, ListMarketplaceOrdersRequest};
use partner_api::time::to_wire;

/// The status filter's value for every status.
pub const ANY_STATUS: &str = "ALL";

crate::list_filters! {
    pub struct OrderFilters {
        pub customer_id: String = "customer",
        pub order_id: String = "order",
        /// Empty: pending payment; `ALL`: every status; else one of `status::ALL`.
        pub status: String = "status",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the order's creation.
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl OrderFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    /// The list request for this view (paging set by the table); the API answers newest first.
    pub fn to_request(&self) -> ListMarketplaceOrdersRequest {
        let status = match self.status.trim() {
            "" => Some(status::PENDING_PAYMENT.to_string()),
            ANY_STATUS => None,
            s => Some(s.to_string()),
        };
        ListMarketplaceOrdersRequest {
            customer_id: opt(&self.customer_id).map(|c| partner_api::customer_id::normalise(&c).into_owned()),
            order_id: opt(&self.order_id),
            status,
            create_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            create_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
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
    fn pending_by_default_every_status_on_request() {
        let f = OrderFilters::default();
        assert!(!f.has_filters());
        assert_eq!(f.to_request().status.as_deref(), Some(status::PENDING_PAYMENT));
        let all = OrderFilters { status: ANY_STATUS.into(), ..Default::default() };
        assert_eq!(all.to_request().status, None);
        let paid = OrderFilters { status: status::PAID.into(), order_id: " KGHZ0002 ".into(), ..Default::default() };
        let r = paid.to_request();
        assert_eq!((r.status.as_deref(), r.order_id.as_deref()), (Some(status::PAID), Some("KGHZ0002")));
        assert!(r.check().is_ok());
    }

    #[test]
    fn url_round_trip() {
        let f = OrderFilters { customer_id: "C1".into(), status: ANY_STATUS.into(), ..Default::default() };
        let view = ListView { filters: f, sort: vec![], page: 1, size: SIZES.default };
        let q = view.to_query(SIZES);
        assert_eq!(q, "?customer=C1&status=ALL");
        let map: HashMap<String, String> =
            [("customer", "C1"), ("status", "ALL")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(ListView::<OrderFilters>::read(&|k| map.get(k).cloned(), SIZES), view);
    }
}
