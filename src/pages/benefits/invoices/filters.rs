//! B5's filters as URL state: status, invoice number, requested between two local dates.

use crate::components::filters::date_range_problem;
use crate::i18n::Msg;
use partner_api::invoices::ListInvoicesRequest;
use partner_api::time::to_wire;

crate::list_filters! {
    pub struct InvoiceFilters {
        pub status: String = "status",
        pub invoice_no: String = "no",
        /// Local calendar dates `YYYY-MM-DD` (inclusive).
        pub from: String = "from",
        pub to: String = "to",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl InvoiceFilters {
    pub fn range(&self) -> Option<Msg> {
        date_range_problem(&self.from, &self.to, None)
    }

    pub fn to_request(&self) -> ListInvoicesRequest {
        ListInvoicesRequest {
            status: opt(&self.status),
            invoice_no: opt(&self.invoice_no),
            apply_time_begin: crate::format::local_day_start_utc(&self.from, 0).map(|t| to_wire(&t)),
            apply_time_end: crate::format::local_day_start_utc(&self.to, 1).map(|t| to_wire(&t)),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::url::ListView;
    use crate::components::list_page::{filters_query, Filters, SIZES};
    use std::collections::HashMap;

    #[test]
    fn filters_round_trip_through_the_url() {
        let f = InvoiceFilters { status: "PENDING_RECEIPT".into(), invoice_no: "44001".into(), ..Default::default() };
        assert_eq!(filters_query(f.clone()), "?status=PENDING_RECEIPT&no=44001");
        let q: HashMap<String, String> = [("status", "PENDING_RECEIPT"), ("no", "44001")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(ListView::<InvoiceFilters>::read(&|k| q.get(k).cloned(), SIZES).filters, f);
        assert!(f.has_filters());
        assert_eq!(f.to_request().status.as_deref(), Some("PENDING_RECEIPT"));
    }
}
