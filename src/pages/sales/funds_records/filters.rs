//! The adjustment records view (A3) as URL state.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::accounts::records::ListPartnerAdjustRecordsRequest;
use partner_api::time::to_wire;

crate::list_filters! {
    pub struct RecordFilters {
        pub customer_id: String = "customer",
        /// One of `operation_type::ALL`, or empty for every kind.
        pub operation: String = "operation",
        pub trans_id: String = "trans",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the operation time.
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

    /// A3 for this view (paging set by the table). A3 does not sort: newest first as it answers.
    pub fn to_request(&self) -> ListPartnerAdjustRecordsRequest {
        ListPartnerAdjustRecordsRequest {
            customer_id: opt(&self.customer_id).map(|c| partner_api::customer_id::normalise(&c).into_owned()),
            operation_type: opt(&self.operation),
            trans_id: opt(&self.trans_id),
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
        let f = RecordFilters {
            customer_id: "C1".into(),
            operation: "SOURCE_OPERATION_BEADJUST".into(),
            ..Default::default()
        };
        let view = ListView { filters: f.clone(), sort: vec![], page: 1, size: SIZES.default };
        let q = view.to_query(SIZES);
        assert_eq!(q, "?customer=C1&operation=SOURCE_OPERATION_BEADJUST");
        let map: HashMap<String, String> = [("customer", "C1"), ("operation", "SOURCE_OPERATION_BEADJUST")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ListView::<RecordFilters>::read(&|k| map.get(k).cloned(), SIZES), view);
        let r = f.to_request();
        assert_eq!(r.customer_id.as_deref(), Some("c1"));
        assert!(r.check().is_ok());
        assert!(!RecordFilters::default().has_filters());
    }
}
