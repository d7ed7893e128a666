//! The partner account's changes (A5) as URL state. A5 takes calendar dates in UTC+8, so the
//! dates go as typed (the page says so) rather than as local-day instants.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::accounts::balance_type;
use partner_api::accounts::records::ListPartnerAccountChangeRecordsRequest;

crate::list_filters! {
    pub struct ChangeFilters {
        /// `balance_type::CREDIT`, or empty for the cash account (A5 requires one).
        pub account: String = "account",
        pub trade_type: String = "trade",
        /// `YYYY-MM-DD`, UTC+8, both included.
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl ChangeFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    pub fn to_request(&self) -> ListPartnerAccountChangeRecordsRequest {
        let account = if self.account == balance_type::CREDIT { balance_type::CREDIT } else { balance_type::DEBIT };
        ListPartnerAccountChangeRecordsRequest {
            balance_type: Some(account.to_string()),
            trade_type: opt(&self.trade_type),
            trade_time_begin: opt(&self.from),
            trade_time_end: opt(&self.to),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cash_by_default_and_dates_as_typed() {
        let r = ChangeFilters::default().to_request();
        assert_eq!(r.balance_type.as_deref(), Some(balance_type::DEBIT));
        let f = ChangeFilters { account: balance_type::CREDIT.into(), from: "2026-11-01".into(), ..Default::default() };
        let r = f.to_request();
        assert_eq!(r.balance_type.as_deref(), Some(balance_type::CREDIT));
        assert_eq!(r.trade_time_begin.as_deref(), Some("2026-11-01"));
        assert!(r.check().is_ok());
    }
}
