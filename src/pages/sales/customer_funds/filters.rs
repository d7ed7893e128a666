//! The resale customers' balances view (C1 resale customers, A4 balances) as URL state.

use partner_api::customers::{association_type, ListSubCustomersRequest};

crate::list_filters! {
    pub struct FundsFilters {
        pub customer_id: String = "customer",
        pub account: String = "account",
        pub name: String = "name",
    }
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

impl FundsFilters {
    /// C1 for this view: resale (代售) customers only, as only they have a partner-funded account.
    pub fn to_request(&self) -> ListSubCustomersRequest {
        ListSubCustomersRequest {
            customer_id: opt(&self.customer_id).map(|c| partner_api::customer_id::normalise(&c).into_owned()),
            account_name: opt(&self.account),
            customer: opt(&self.name),
            association_type: Some(association_type::RESALE.to_string()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resale_only() {
        let r = FundsFilters { name: " 华云 ".into(), ..Default::default() }.to_request();
        assert_eq!(r.association_type.as_deref(), Some(association_type::RESALE));
        assert_eq!(r.customer.as_deref(), Some("华云"));
    }
}
