//! The price-change records view (S12) as URL state.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::koogallery::ListPriceAdjustRecordsRequest;
use partner_api::time::to_wire;

crate::list_filters! {
    pub struct RecordFilters {
        pub order_id: String = "order",
        pub customer_id: String = "customer",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the change.
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl RecordFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    /// The records request for this view (paging set by the table); newest first as answered.
    pub fn to_request(&self) -> ListPriceAdjustRecordsRequest {
        ListPriceAdjustRecordsRequest {
            order_id: opt(&self.order_id),
            customer_id: opt(&self.customer_id).map(|c| partner_api::customer_id::normalise(&c).into_owned()),
            operation_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            operation_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
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
        let f = RecordFilters { order_id: "KGHZ0005".into(), ..Default::default() };
        let view = ListView { filters: f.clone(), sort: vec![], page: 1, size: SIZES.default };
        assert_eq!(view.to_query(SIZES), "?order=KGHZ0005");
        let map: HashMap<String, String> = [("order".to_string(), "KGHZ0005".to_string())].into_iter().collect();
        assert_eq!(ListView::<RecordFilters>::read(&|k| map.get(k).cloned(), SIZES), view);
        let r = f.to_request();
        assert_eq!(r.order_id.as_deref(), Some("KGHZ0005"));
        assert!(r.check().is_ok());
        assert!(!RecordFilters::default().has_filters());
    }
}
