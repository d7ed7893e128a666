//! 项目跟踪's URL state: the project state (报备成功 is `status=REGISTERED`) and a keyword.

use partner_api::projects::{status, ListProjectsRequest};

crate::list_filters! {
    pub struct ProjectFilters {
        pub status: String = "status",
        pub keyword: String = "keyword",
    }
}

impl ProjectFilters {
    /// Only the successfully registered projects (报备成功): the ones to apply for.
    pub fn registered() -> Self {
        ProjectFilters { status: status::REGISTERED.into(), ..Default::default() }
    }

    pub fn to_request(&self) -> ListProjectsRequest {
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        ListProjectsRequest { status: some(&self.status), keyword: some(&self.keyword), ..Default::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::list_page::filters_query;

    #[test]
    fn registered_is_a_status_in_the_url() {
        assert_eq!(filters_query(ProjectFilters::registered()), "?status=REGISTERED");
        let f = ProjectFilters { keyword: "  医疗 ".into(), ..ProjectFilters::registered() };
        let r = f.to_request();
        assert_eq!((r.status.as_deref(), r.keyword.as_deref()), (Some("REGISTERED"), Some("医疗")));
        assert_eq!(ProjectFilters::default().to_request(), ListProjectsRequest::default());
    }
}
