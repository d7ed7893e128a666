//! The customers view (S1) as URL state: its filters, once.

use crate::components::filters::{date_range_problem, number_range_problem};
use crate::i18n::Msg;
use partner_api::number_range::parse_amount_range;
use partner_api::opportunities::OpportunityQuery;
use partner_api::time::to_wire;

/// `-last_update_time`: the most recently updated first.
pub const DEFAULT_SORT: &[(&str, bool)] = &[("last_update_time", true)];

crate::list_filters! {
    pub struct CustomerFilters {
        pub keyword: String = "q",
        pub industries: Vec<String> = "industry",
        pub types: Vec<String> = "type",
        pub stages: Vec<String> = "stage",
        pub confidences: Vec<String> = "confidence",
        /// Local calendar dates `YYYY-MM-DD` (inclusive) of the last update.
        pub from: String = "from",
        pub to: String = "to",
        /// Expected monthly revenue range as typed.
        pub revenue_min: String = "rmin",
        pub revenue_max: String = "rmax",
        pub account_manager: String = "am",
        pub reseller: String = "reseller",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl CustomerFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    /// The revenue range does not parse (the field shows why).
    pub fn revenue(&self) -> Option<Msg> {
        number_range_problem(&self.revenue_min, &self.revenue_max).map(|(m, _)| m)
    }

    /// A filter under "More filters" is set (the bar opens them, so nothing applied is hidden).
    pub fn uses_more(&self) -> bool {
        !(self.types.is_empty()
            && self.confidences.is_empty()
            && self.from.is_empty()
            && self.to.is_empty()
            && self.revenue_min.is_empty()
            && self.revenue_max.is_empty())
    }

    /// The API request for this view; dates are local days turned into UTC instants.
    pub fn to_request(&self) -> OpportunityQuery {
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
    fn url_round_trip_of_a_deep_link() {
        let q: HashMap<String, String> = [
            ("stage", "WON,NEGOTIATION"),
            ("sort", "-expected_monthly_revenue"),
            ("page", "2"),
            ("size", "10"),
            ("rmin", "5"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let view = ListView::<CustomerFilters>::read(&|k| q.get(k).cloned(), SIZES);
        assert_eq!(view.filters.stages, vec!["WON", "NEGOTIATION"]);
        assert_eq!(view.filters.revenue_min, "5");
        assert_eq!((view.page, view.size, view.sort[0].order_by()), (2, 10, "-expected_monthly_revenue".to_string()));
        assert_eq!(
            view.to_query(SIZES),
            "?stage=WON%2CNEGOTIATION&rmin=5&sort=-expected_monthly_revenue&page=2&size=10"
        );
        assert!(view.filters.has_filters() && view.filters.uses_more());
        assert_eq!(format!("-{}", DEFAULT_SORT[0].0), partner_api::opportunities::DEFAULT_ORDER_BY);
    }
}
