//! B2's URL state: which tab (kept by Reset) and the applications' status filter.

use partner_api::programmes::capability::ListCapabilityApplicationsRequest;

/// The two tabs of B2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// 权益申请: the benefits to apply for.
    Benefits,
    /// The submitted applications and their review states.
    Applications,
}

impl Tab {
    pub fn key(self) -> &'static str {
        match self {
            Tab::Benefits => "",
            Tab::Applications => "applications",
        }
    }
}

crate::list_filters! {
    pub struct CapabilityFilters {
        /// `applications` or empty (the benefits).
        pub tab: String = "tab" [kept],
        pub status: String = "status",
    }
}

impl CapabilityFilters {
    pub fn which(&self) -> Tab {
        if self.tab == Tab::Applications.key() {
            Tab::Applications
        } else {
            Tab::Benefits
        }
    }

    pub fn applications_request(&self) -> ListCapabilityApplicationsRequest {
        ListCapabilityApplicationsRequest {
            status: Some(self.status.clone()).filter(|s| !s.is_empty()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::filters_query;
    use crate::components::list_page::url::Filters as _;

    #[test]
    fn the_tab_is_kept_and_the_status_is_a_filter() {
        let f = CapabilityFilters { tab: "applications".into(), status: "REJECTED".into() };
        assert_eq!(filters_query(f.clone()), "?tab=applications&status=REJECTED");
        assert_eq!(f.which(), Tab::Applications);
        assert_eq!(f.kept(), CapabilityFilters { tab: "applications".into(), ..Default::default() });
        assert_eq!(CapabilityFilters::default().which(), Tab::Benefits);
        assert_eq!(f.applications_request().status.as_deref(), Some("REJECTED"));
    }
}
