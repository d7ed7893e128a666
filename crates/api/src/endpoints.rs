//! Every endpoint the console calls, declared once: verb, route template, request → response,
//! and for lists how they page and sort. IDs are those of PARTNER_API.md (C1 customers, O1–O4
//! orders, V1–V6 coupons, Q1–Q4 quotas, R1 resellers, R2 and A1–A5 customer funds, W whitelist).

use crate::accounts::adjust::{
    ReclaimToPartnerAccountRequest, ReclaimToPartnerAccountResponse, UpdateCustomerAccountAmountRequest,
    UpdateCustomerAccountAmountResponse,
};
use crate::accounts::balances::{
    ListCustomersBalancesDetailRequest, ListCustomersBalancesDetailResponse, ListPartnerBalancesRequest,
    ListPartnerBalancesResponse,
};
use crate::accounts::records::{
    AccountChangeRecord, AdjustRecord, ListPartnerAccountChangeRecordsRequest, ListPartnerAccountChangeRecordsResponse,
    ListPartnerAdjustRecordsRequest, ListPartnerAdjustRecordsResponse,
};
use crate::association::{
    AssociationEvent, Constraints, ConstraintsRequest, CreateEventRequest, EventActionRequest, EventList, EventQuery,
};
use crate::coupons::{
    CouponQuota, CouponRecord, CreatePartnerCouponsRequest, CreatePartnerCouponsResponse, IssuedCoupon,
    ListIssuedPartnerCouponsRequest, ListIssuedPartnerCouponsResponse, ListPartnerCouponsRecordRequest,
    ListPartnerCouponsRecordResponse, ListQuotaCouponsRequest, ListQuotaCouponsResponse, ListSubCustomerCouponsRequest,
    ListSubCustomerCouponsResponse, ReclaimPartnerCouponsRequest,
};
use crate::customers::{ListSubCustomersRequest, ListSubCustomersResponse};
use crate::endpoint::{Endpoint, Sort, Verb};
use crate::opportunities::{
    CustomerOpportunitiesRequest, CustomerOpportunitiesResponse, CustomerOpportunity, Opportunity,
    OpportunityListResponse, OpportunityQuery,
};
use crate::orders::{
    CustomerOnDemandResource, CustomerOrderV2, ListCustomerOnDemandResourcesResponse, ListCustomerOrdersRequest,
    ListCustomerOrdersResponse, ListPayPerUseCustomerResourcesResponse, OrderInstanceV2,
    QueryCustomerOnDemandResourcesReq, QueryResourcesReq, ShowCustomerOrderDetailsRequest,
    ShowCustomerOrderDetailsResponse,
};
use crate::profile::Profile;
use crate::quotas::{
    IssuedCouponQuota, ListCouponQuotasRecordsRequest, ListCouponQuotasRecordsResponse, ListIssuedCouponQuotasRequest,
    ListIssuedCouponQuotasResponse, QuotaRecord, ReclaimCouponQuotasRequest, ReclaimCouponQuotasResponse,
    UpdateCouponQuotasRequest, UpdateCouponQuotasResponse,
};
use crate::resellers::{IndirectPartner, ListIndirectPartnersRequest, ListIndirectPartnersResponse};
use crate::whitelist::{
    CancelResponse, ChunkResponse, CommitResponse, EntriesQuery, Entry, EntryList, ErrorPage, OpenUploadRequest,
    OpenUploadResponse, RowError, UploadRequest, UploadResponse, Version, VersionList, VersionsQuery,
};
use crate::whitelist_calls::{
    CancelUpload, CommitUpload, FinishUpload, Rollback, SendChunk, UploadChanges, UploadErrors, CANCEL_ROUTE,
    CHANGES_ROUTE, CHUNK_ROUTE, COMMIT_ROUTE, ERRORS_ROUTE, FINISH_ROUTE, ROLLBACK_ROUTE,
};
use crate::whitelist_resolve::{ResolveRequest, ResolveResponse};
use crate::{endpoint, paged};

fn order_by(sort: &[Sort]) -> Option<String> {
    sort.first().map(Sort::order_by)
}

// ---- The signed-in person ----

/// `GET /v2/partners/profile`: who is signed in (partner type, role, resellers, managers).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileRequest;

endpoint!(GET crate::profile::PROFILE_PATH => ProfileRequest: Profile);

// ---- C1 sub-customers, S1 customers and opportunities ----

endpoint!(POST read crate::customers::LIST_PATH => ListSubCustomersRequest: ListSubCustomersResponse, json);
paged!(ListSubCustomersRequest, crate::customers::CustomerInformation, |r| {
    let total = r.count.unwrap_or(r.customer_infos.len() as u64);
    (r.customer_infos, total)
});

endpoint!(POST read crate::opportunities::QUERY_PATH => OpportunityQuery: OpportunityListResponse, json);
paged!(
    OpportunityQuery,
    CustomerOpportunity,
    |r| (r.customer_opportunities, r.total_count),
    sort = |req, sort| req.order_by = order_by(sort)
);

endpoint!(GET crate::opportunities::DETAIL_ROUTE => CustomerOpportunitiesRequest: CustomerOpportunitiesResponse,
    path(customer_id), query(page));
paged!(CustomerOpportunitiesRequest, Opportunity, |r| (r.opportunities, r.total_count), page = page);

// ---- S2 orders (O1–O4) ----

endpoint!(GET crate::orders::LIST_PATH => ListCustomerOrdersRequest: ListCustomerOrdersResponse, query);
paged!(
    ListCustomerOrdersRequest,
    CustomerOrderV2,
    |r| {
        let total = r.total_count.unwrap_or(r.order_infos.len() as u64);
        (r.order_infos, total)
    },
    sort = |req, sort| req.order_by = order_by(sort)
);

endpoint!(GET crate::orders::DETAIL_ROUTE => ShowCustomerOrderDetailsRequest: ShowCustomerOrderDetailsResponse,
    path(order_id), query);

endpoint!(POST read crate::orders::RESOURCES_PATH => QueryResourcesReq: ListPayPerUseCustomerResourcesResponse, json);
paged!(QueryResourcesReq, OrderInstanceV2, |r| {
    let total = r.total_count.unwrap_or(r.data.len() as u64);
    (r.data, total)
});

endpoint!(POST read crate::orders::ON_DEMAND_PATH => QueryCustomerOnDemandResourcesReq: ListCustomerOnDemandResourcesResponse, json);
paged!(QueryCustomerOnDemandResourcesReq, CustomerOnDemandResource, |r| {
    let total = r.total_count.unwrap_or(r.resources.len() as u64);
    (r.resources, total)
});

// ---- Coupons (V1–V5) ----

endpoint!(POST read crate::coupons::QUOTAS_QUERY_PATH => ListQuotaCouponsRequest: ListQuotaCouponsResponse, json);
paged!(ListQuotaCouponsRequest, CouponQuota, |r| {
    let total = r.total_count.unwrap_or(r.quotas.len() as u64);
    (r.quotas, total)
});

endpoint!(POST write crate::coupons::PARTNER_COUPONS_PATH => CreatePartnerCouponsRequest: CreatePartnerCouponsResponse, json);

endpoint!(GET crate::coupons::PARTNER_COUPONS_PATH => ListIssuedPartnerCouponsRequest: ListIssuedPartnerCouponsResponse, query);
paged!(ListIssuedPartnerCouponsRequest, IssuedCoupon, |r| {
    let total = r.total_count.unwrap_or(r.user_coupons.len() as u64);
    (r.user_coupons, total)
});

endpoint!(POST write crate::coupons::RECLAIM_PATH => ReclaimPartnerCouponsRequest: serde_json::Value, json);

endpoint!(GET crate::coupons::RECORDS_PATH => ListPartnerCouponsRecordRequest: ListPartnerCouponsRecordResponse, query);
paged!(ListPartnerCouponsRecordRequest, CouponRecord, |r| {
    let total = r.total_count.unwrap_or(r.records.len() as u64);
    (r.records, total)
});

endpoint!(GET crate::coupons::SUB_CUSTOMER_COUPONS_PATH => ListSubCustomerCouponsRequest: ListSubCustomerCouponsResponse, query);

// ---- Quotas (Q1–Q4) ----

endpoint!(POST write crate::quotas::ISSUE_PATH => UpdateCouponQuotasRequest: UpdateCouponQuotasResponse, json);
endpoint!(POST write crate::quotas::RECLAIM_PATH => ReclaimCouponQuotasRequest: ReclaimCouponQuotasResponse, json);

endpoint!(GET crate::quotas::ISSUED_PATH => ListIssuedCouponQuotasRequest: ListIssuedCouponQuotasResponse, query);
paged!(ListIssuedCouponQuotasRequest, IssuedCouponQuota, |r| {
    let total = r.total_count.unwrap_or(r.quotas.len() as u64);
    (r.quotas, total)
});

endpoint!(GET crate::quotas::RECORDS_PATH => ListCouponQuotasRecordsRequest: ListCouponQuotasRecordsResponse, query);
paged!(ListCouponQuotasRecordsRequest, QuotaRecord, |r| {
    let total = r.total_count.unwrap_or(r.records.len() as u64);
    (r.records, total)
});

// ---- R1 resellers ----

endpoint!(POST read crate::resellers::LIST_PATH => ListIndirectPartnersRequest: ListIndirectPartnersResponse, json);
paged!(ListIndirectPartnersRequest, IndirectPartner, |r| {
    let total = r.count.unwrap_or(r.indirect_partners.len() as u64);
    (r.indirect_partners, total)
});

// ---- R2 partner balances, A1–A5 customer funds (S11) ----

endpoint!(GET crate::accounts::BALANCES_PATH => ListPartnerBalancesRequest: ListPartnerBalancesResponse, query);
endpoint!(POST write crate::accounts::ADJUST_PATH => UpdateCustomerAccountAmountRequest: UpdateCustomerAccountAmountResponse, json);
endpoint!(POST write crate::accounts::RECLAIM_PATH => ReclaimToPartnerAccountRequest: ReclaimToPartnerAccountResponse, json);
endpoint!(GET crate::accounts::ADJUST_RECORDS_PATH => ListPartnerAdjustRecordsRequest: ListPartnerAdjustRecordsResponse, query);
paged!(ListPartnerAdjustRecordsRequest, AdjustRecord, |r| {
    let total = r.total_count.unwrap_or(r.records.len() as u64);
    (r.records, total)
});
endpoint!(POST read crate::accounts::CUSTOMER_BALANCES_PATH => ListCustomersBalancesDetailRequest: ListCustomersBalancesDetailResponse, json);
endpoint!(GET crate::accounts::CHANGE_RECORDS_PATH => ListPartnerAccountChangeRecordsRequest: ListPartnerAccountChangeRecordsResponse, query);
paged!(ListPartnerAccountChangeRecordsRequest, AccountChangeRecord, |r| {
    let total = r.total_count.unwrap_or(r.records.len() as u64);
    (r.records, total)
});

// ---- Whitelist ----

endpoint!(GET crate::whitelist::VERSIONS_PATH => VersionsQuery: VersionList, query);
paged!(VersionsQuery, Version, |r| (r.versions, r.total_count));

endpoint!(GET crate::whitelist::ENTRIES_PATH => EntriesQuery: EntryList, query);
paged!(EntriesQuery, Entry, |r| (r.entries, r.total_count));

endpoint!(POST read crate::whitelist_resolve::RESOLVE_PATH => ResolveRequest: ResolveResponse, json);

endpoint!(POST write crate::whitelist::UPLOADS_PATH => UploadRequest: UploadResponse, json);
endpoint!(POST write crate::whitelist::CHUNKED_UPLOADS_PATH => OpenUploadRequest: OpenUploadResponse, json);
endpoint!(POST write CHUNK_ROUTE => SendChunk: ChunkResponse, path(upload_id), json(chunk));
endpoint!(POST write FINISH_ROUTE => FinishUpload: UploadResponse, path(upload_id));
endpoint!(POST write CANCEL_ROUTE => CancelUpload: CancelResponse, path(upload_id));
endpoint!(POST write COMMIT_ROUTE => CommitUpload: CommitResponse, path(upload_id), json(commit));
endpoint!(POST write ROLLBACK_ROUTE => Rollback: CommitResponse, path(version_no), json(body));

endpoint!(GET CHANGES_ROUTE => UploadChanges: EntryList, path(upload_id), query(query));
paged!(UploadChanges, Entry, |r| (r.entries, r.total_count), page = query);

endpoint!(GET ERRORS_ROUTE => UploadErrors: ErrorPage, path(upload_id), query(query));
paged!(UploadErrors, RowError, |r| (r.error_details, r.total_count), page = query);

// ---- S13 association events (own contract, docs/contracts/association-events.md) ----

endpoint!(POST read crate::association::QUERY_PATH => EventQuery: EventList, json);
paged!(EventQuery, AssociationEvent, |r| (r.events, r.total_count), sort = |req, sort| req.order_by = order_by(sort));
endpoint!(POST write crate::association::CREATE_PATH => CreateEventRequest: AssociationEvent, json);
endpoint!(POST write crate::association::ACTION_ROUTE => EventActionRequest: AssociationEvent, path(event_id), json(body));
endpoint!(GET crate::association::CONSTRAINTS_ROUTE => ConstraintsRequest: Constraints, path(customer_id));
// ---- B1, B2 programmes and B5 invoices (docs/contracts/programmes.md, invoices.md) ----

/// `GET /v2/partners/benefits/programmes`: the partner's programme memberships.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProgrammesRequest;

endpoint!(GET crate::programmes::PROGRAMMES_PATH => ProgrammesRequest: crate::programmes::ProgrammesResponse);
endpoint!(GET crate::programmes::FH_APPLICATIONS_PATH => crate::programmes::ListFhApplicationsRequest: crate::programmes::FhApplicationList, query);
paged!(crate::programmes::ListFhApplicationsRequest, crate::programmes::FhApplication, |r| (
    r.applications,
    r.total_count
));
endpoint!(GET crate::programmes::capability::BENEFITS_PATH => crate::programmes::capability::ListCapabilityBenefitsRequest: crate::programmes::capability::CapabilityBenefitList, query);
paged!(
    crate::programmes::capability::ListCapabilityBenefitsRequest,
    crate::programmes::capability::CapabilityBenefit,
    |r| (r.benefits, r.total_count)
);
endpoint!(GET crate::programmes::capability::APPLICATIONS_PATH => crate::programmes::capability::ListCapabilityApplicationsRequest: crate::programmes::capability::CapabilityApplicationList, query);
paged!(
    crate::programmes::capability::ListCapabilityApplicationsRequest,
    crate::programmes::capability::CapabilityApplication,
    |r| (r.applications, r.total_count)
);
endpoint!(POST write crate::programmes::capability::APPLICATIONS_PATH => crate::programmes::form::SubmitCapabilityApplication: crate::programmes::capability::CapabilityApplication, json);
endpoint!(GET crate::invoices::LIST_PATH => crate::invoices::ListInvoicesRequest: crate::invoices::InvoiceList, query);
paged!(
    crate::invoices::ListInvoicesRequest,
    crate::invoices::Invoice,
    |r| (r.invoices, r.total_count),
    sort = |req, sort| req.order_by = order_by(sort)
);
endpoint!(GET crate::invoices::DETAIL_ROUTE => crate::invoices::ShowInvoiceRequest: crate::invoices::Invoice, path(invoice_id));
endpoint!(POST write crate::invoices::SIGN_ROUTE => crate::invoices::SignInvoiceRequest: crate::invoices::Invoice, path(invoice_id));

// ---- D1 delivery projects (docs/contracts/projects.md) ----

endpoint!(GET crate::projects::LIST_PATH => crate::projects::ListProjectsRequest: crate::projects::ProjectList, query);
paged!(crate::projects::ListProjectsRequest, crate::projects::Project, |r| (r.projects, r.total_count));
endpoint!(POST write crate::projects::attachments::OPEN_PATH => crate::projects::attachments::OpenAttachmentRequest: crate::projects::attachments::AttachmentUpload, json);
endpoint!(POST write crate::projects::attachments::CHUNK_ROUTE => crate::projects::attachments::SendAttachmentChunk: crate::projects::attachments::AttachmentUpload, path(attachment_id), json(body));
endpoint!(POST write crate::projects::ACCEPTANCE_ROUTE => crate::projects::SubmitAcceptanceRequest: crate::projects::Project, path(project_id), json(body));

// ---- S10 balance payment (O5–O7), with the customer's token ----

endpoint!(GET crate::payment::ORDER_COUPONS_PATH => crate::payment::ListOrderCouponsRequest:
    crate::payment::ListOrderCouponsResponse, customer_token, query);
endpoint!(GET crate::payment::ORDER_DISCOUNTS_PATH => crate::payment::ListOrderDiscountsRequest:
    crate::payment::ListOrderDiscountsResponse, customer_token, query);
endpoint!(POST write crate::payment::PAY_PATH => crate::payment::PayOrdersRequest: serde_json::Value,
    customer_token, json);

// ---- S12 KooGallery price adjustment (docs/contracts/koogallery.md) ----

endpoint!(GET crate::koogallery::SELECTION_PATH => crate::koogallery::SelectionRequest: crate::koogallery::Selection);
endpoint!(GET crate::koogallery::ORDERS_PATH => crate::koogallery::ListMarketplaceOrdersRequest:
    crate::koogallery::MarketplaceOrderList, query);
paged!(crate::koogallery::ListMarketplaceOrdersRequest, crate::koogallery::MarketplaceOrder, |r| (
    r.orders,
    r.total_count
));
endpoint!(POST write crate::koogallery::PRICE_ADJUST_PATH => crate::koogallery::AdjustPriceRequest:
    crate::koogallery::AdjustPriceResponse, json);
endpoint!(GET crate::koogallery::RECORDS_PATH => crate::koogallery::ListPriceAdjustRecordsRequest:
    crate::koogallery::PriceAdjustRecordList, query);
paged!(crate::koogallery::ListPriceAdjustRecordsRequest, crate::koogallery::PriceAdjustRecord, |r| (
    r.records,
    r.total_count
));

/// `(VERB, ROUTE)` of each request type listed.
macro_rules! routes_of {
    ($($req:ty),* $(,)?) => { &[$((<$req as Endpoint>::VERB, <$req as Endpoint>::ROUTE)),*] };
}

/// Every endpoint declared above, as `(verb, route template)`: the sandbox's tests check that
/// each one is served.
pub const ALL: &[(Verb, &str)] = routes_of![
    ProfileRequest,
    ListSubCustomersRequest,
    OpportunityQuery,
    CustomerOpportunitiesRequest,
    ListCustomerOrdersRequest,
    ShowCustomerOrderDetailsRequest,
    QueryResourcesReq,
    QueryCustomerOnDemandResourcesReq,
    ListQuotaCouponsRequest,
    CreatePartnerCouponsRequest,
    ListIssuedPartnerCouponsRequest,
    ReclaimPartnerCouponsRequest,
    ListPartnerCouponsRecordRequest,
    ListSubCustomerCouponsRequest,
    UpdateCouponQuotasRequest,
    ReclaimCouponQuotasRequest,
    ListIssuedCouponQuotasRequest,
    ListCouponQuotasRecordsRequest,
    ListIndirectPartnersRequest,
    ListPartnerBalancesRequest,
    UpdateCustomerAccountAmountRequest,
    ReclaimToPartnerAccountRequest,
    ListPartnerAdjustRecordsRequest,
    ListCustomersBalancesDetailRequest,
    ListPartnerAccountChangeRecordsRequest,
    VersionsQuery,
    EntriesQuery,
    ResolveRequest,
    UploadRequest,
    OpenUploadRequest,
    SendChunk,
    FinishUpload,
    CancelUpload,
    CommitUpload,
    Rollback,
    UploadChanges,
    UploadErrors,
    EventQuery,
    CreateEventRequest,
    EventActionRequest,
    ConstraintsRequest,
    // Incentives (docs/contracts/incentives.md)
    crate::incentives::model::ListIncentivesRequest,
    crate::incentives::model::ShowIncentiveRequest,
    crate::incentives::calls::ListFeedbacks,
    crate::incentives::calls::SendFeedback,
    crate::incentives::calls::DecideBill,
    crate::incentives::payment::ListQuartersRequest,
    crate::incentives::payment::ApplyPaymentRequest,
    ProgrammesRequest,
    crate::programmes::ListFhApplicationsRequest,
    crate::programmes::capability::ListCapabilityBenefitsRequest,
    crate::programmes::capability::ListCapabilityApplicationsRequest,
    crate::programmes::form::SubmitCapabilityApplication,
    crate::invoices::ListInvoicesRequest,
    crate::invoices::ShowInvoiceRequest,
    crate::invoices::SignInvoiceRequest,
    // D1 delivery projects (docs/contracts/projects.md)
    crate::projects::ListProjectsRequest,
    crate::projects::attachments::OpenAttachmentRequest,
    crate::projects::attachments::SendAttachmentChunk,
    crate::projects::SubmitAcceptanceRequest,
    // S10 balance payment, with the customer's token
    crate::payment::ListOrderCouponsRequest,
    crate::payment::ListOrderDiscountsRequest,
    crate::payment::PayOrdersRequest,
    // S12 KooGallery price adjustment (docs/contracts/koogallery.md)
    crate::koogallery::SelectionRequest,
    crate::koogallery::ListMarketplaceOrdersRequest,
    crate::koogallery::AdjustPriceRequest,
    crate::koogallery::ListPriceAdjustRecordsRequest,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Paged;

    #[test]
    fn a_paged_get_carries_page_and_sort_in_its_query() {
        let mut r = ListCustomerOrdersRequest { order_id: Some("a b".into()), ..Default::default() };
        r.set_page(20, 10);
        r.set_sort(&[Sort { key: "createTime".into(), desc: true }]);
        assert_eq!(
            r.path_and_query(),
            "/v2/orders/customer-orders?order_id=a%20b&limit=10&offset=20&order_by=-createTime"
        );
        assert_eq!(<ListCustomerOrdersRequest as Endpoint>::VERB, Verb::Get);
    }

    #[test]
    fn a_post_query_is_a_read_with_a_json_body() {
        let mut q = OpportunityQuery { keyword: Some("x".into()), ..Default::default() };
        q.set_page(0, 50);
        let read = [<OpportunityQuery as Endpoint>::READ, <CreatePartnerCouponsRequest as Endpoint>::READ];
        assert_eq!(read, [true, false]);
        assert_eq!(q.body().unwrap(), r#"{"keyword":"x","offset":0,"limit":50}"#);
    }

    #[test]
    fn every_endpoint_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        assert!(ALL.iter().all(|(verb, route)| seen.insert((verb.as_str(), *route))));
        assert_eq!(ALL.len(), 67);
    }

    #[test]
    fn koogallery_calls_are_declared() {
        use crate::koogallery::*;
        let mut q = ListMarketplaceOrdersRequest { status: Some(status::PENDING_PAYMENT.into()), ..Default::default() };
        q.set_page(0, 20);
        assert_eq!(q.path_and_query(), "/v2/partners/koogallery/orders?status=PENDING_PAYMENT&offset=0&limit=20");
        let mut r = ListPriceAdjustRecordsRequest::default();
        r.set_page(100, 50);
        assert_eq!(r.path_and_query(), "/v2/partners/koogallery/price-adjust-records?offset=100&limit=50");
        assert_eq!(SelectionRequest.path_and_query(), "/v2/partners/koogallery/selection");
        let adjust = AdjustPriceRequest {
            order_id: "KGHZ0001".into(),
            new_amount: crate::Amount::from_cents(9900),
            reason: "优惠".into(),
            expected_amount: None,
        };
        assert_eq!(adjust.body().unwrap(), r#"{"order_id":"KGHZ0001","new_amount":99.00,"reason":"优惠"}"#);
        assert_eq!(
            (<AdjustPriceRequest as Endpoint>::VERB, <AdjustPriceRequest as Endpoint>::READ),
            (Verb::Post, false)
        );
        let answer = r#"{"total_count":3,"orders":[]}"#;
        let (rows, total) = ListMarketplaceOrdersRequest::rows(serde_json::from_str(answer).unwrap());
        assert_eq!((rows.len(), total), (0, 3));
    }

    #[test]
    fn path_parameters_are_filled() {
        let r = ShowCustomerOrderDetailsRequest { order_id: "CS 1/2".into(), limit: Some(5), ..Default::default() };
        assert_eq!(r.path(), "/v2/orders/customer-orders/details/CS%201%2F2");
        assert_eq!(Endpoint::path_and_query(&r), "/v2/orders/customer-orders/details/CS%201%2F2?limit=5");
    }
}
