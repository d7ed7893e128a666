//! The incentive calls declared as endpoints (verb, route, request → response).

use super::bill::{BillDecision, ROUTE as BILL_ROUTE};
use super::feedback::{Feedback, FeedbackBody, FeedbackList, ROUTE as FEEDBACK_ROUTE};
use super::model::{
    Incentive, IncentiveDetail, ListIncentivesRequest, ListIncentivesResponse, ShowIncentiveRequest, DETAIL_ROUTE,
    LIST_PATH,
};
use super::payment::{
    ApplyPaymentRequest, ListQuartersRequest, ListQuartersResponse, PaymentApplication, APPLY_ROUTE, QUARTERS_PATH,
};
use crate::{endpoint, paged};

endpoint!(GET LIST_PATH => ListIncentivesRequest: ListIncentivesResponse, query);
paged!(ListIncentivesRequest, Incentive, |r| (r.incentives, r.total_count));

endpoint!(GET DETAIL_ROUTE => ShowIncentiveRequest: IncentiveDetail, path(incentive_id));

/// `GET …/feedbacks`: the thread of one incentive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFeedbacks {
    pub incentive_id: String,
}
endpoint!(GET FEEDBACK_ROUTE => ListFeedbacks: FeedbackList, path(incentive_id));

/// `POST …/feedbacks`: a new feedback.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendFeedback {
    pub incentive_id: String,
    pub body: FeedbackBody,
}
endpoint!(POST write FEEDBACK_ROUTE => SendFeedback: Feedback, path(incentive_id), json(body));

/// `POST …/bill-confirmation`: confirm or reject the bill; answers the incentive as it is now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecideBill {
    pub incentive_id: String,
    pub body: BillDecision,
}
endpoint!(POST write BILL_ROUTE => DecideBill: Incentive, path(incentive_id), json(body));

endpoint!(GET QUARTERS_PATH => ListQuartersRequest: ListQuartersResponse, query);

// No body: the quarter in the path is the whole application.
endpoint!(POST write APPLY_ROUTE => ApplyPaymentRequest: PaymentApplication, path(quarter));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoint;

    #[test]
    fn paths_are_filled() {
        let d = DecideBill { incentive_id: "INC 1".into(), body: BillDecision::confirm() };
        assert_eq!(d.path(), "/v2/partners/incentives/INC%201/bill-confirmation");
        assert_eq!(d.body().unwrap(), r#"{"decision":"confirm"}"#);
        let a = ApplyPaymentRequest { quarter: "2026-Q1".into() };
        assert_eq!(a.path(), "/v2/partners/incentive-quarters/2026-Q1/payment-applications");
        const { assert!(!<ApplyPaymentRequest as Endpoint>::READ) };
    }
}
