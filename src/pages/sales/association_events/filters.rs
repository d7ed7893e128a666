//! The association-event list (S13) as URL state.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::association::EventQuery;
use partner_api::time::to_wire;

pub const DEFAULT_SORT: &[(&str, bool)] = &[("created_time", true)];

crate::list_filters! {
    pub struct EventFilters {
        pub keyword: String = "q",
        pub event_type: String = "type",
        pub status: String = "status",
        pub source: String = "source",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the creation time.
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl EventFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    pub fn to_request(&self) -> EventQuery {
        EventQuery {
            keyword: opt(&self.keyword),
            event_types: opt(&self.event_type).into_iter().collect(),
            statuses: opt(&self.status).into_iter().collect(),
            source: opt(&self.source),
            created_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            created_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
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
    fn url_round_trip() {
        let f = EventFilters {
            keyword: "acme co".into(),
            event_type: "CUSTOMER_UNBIND".into(),
            status: "PENDING_PARTNER".into(),
            source: "OWN".into(),
            ..Default::default()
        };
        let view = ListView { filters: f, sort: vec![], page: 1, size: SIZES.default };
        let q = view.to_query(SIZES);
        assert_eq!(q, "?q=acme%20co&type=CUSTOMER_UNBIND&status=PENDING_PARTNER&source=OWN");
        let map: HashMap<String, String> = q
            .trim_start_matches('?')
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), partner_api::query::decode_component(v).unwrap()))
            .collect();
        assert_eq!(ListView::read(&|k| map.get(k).cloned(), SIZES), view);
        assert!(view.filters.has_filters());
        let r = view.filters.to_request();
        assert_eq!(
            (r.event_types, r.statuses),
            (vec!["CUSTOMER_UNBIND".to_string()], vec!["PENDING_PARTNER".to_string()])
        );
    }
}
