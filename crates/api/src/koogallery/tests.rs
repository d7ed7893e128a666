use super::rules::*;
use super::*;
use crate::codes;
use crate::time::parse_wire;
use rust_decimal::Decimal;

pub(super) fn yuan(s: &str) -> Amount {
    Amount::parse(s).unwrap()
}

pub(super) fn order(st: &str, original: &str, amount: &str) -> MarketplaceOrder {
    MarketplaceOrder {
        order_id: "KGHZ0001".into(),
        customer_id: "c1".into(),
        customer_name: "上海云启科技有限公司".into(),
        product_name: "云速建站 标准版".into(),
        seller_name: "华为云速建站".into(),
        spec_desc: "标准版 | 1年".into(),
        original_amount: yuan(original),
        amount: yuan(amount),
        currency: "CNY".into(),
        measure_id: 1,
        status: st.into(),
        created_time: parse_wire("2026-11-18T02:00:00Z").unwrap(),
        expire_time: parse_wire("2026-11-25T02:00:00Z"),
        adjusted_times: 0,
        last_adjusted_time: None,
    }
}

fn req(new_amount: &str, reason: &str, expected: Option<&str>) -> AdjustPriceRequest {
    AdjustPriceRequest {
        order_id: "KGHZ0001".into(),
        new_amount: yuan(new_amount),
        reason: reason.into(),
        expected_amount: expected.map(yuan),
    }
}

#[test]
fn a_lower_price_on_a_pending_order_passes() {
    let o = order(status::PENDING_PAYMENT, "120.00", "120.00");
    assert!(problems(&o, &req("99.00", "老客户续约优惠", Some("120.00"))).is_empty());
    assert!(problems(&o, &req("0.01", "x", None)).is_empty());
    // The original price is allowed back after a cut.
    let cut = order(status::PENDING_PAYMENT, "120.00", "100.00");
    assert!(problems(&cut, &req("120", "恢复原价", None)).is_empty());
}

#[test]
fn one_problem_per_rule_with_its_field_and_code() {
    let o = order(status::PENDING_PAYMENT, "120.00", "100.00");
    let first = |r: AdjustPriceRequest| problems(&o, &r).first().cloned().unwrap();
    let cases = [
        (AdjustPriceRequest { order_id: String::new(), ..req("1", "r", None) }, PriceProblem::OrderIdMissing),
        (AdjustPriceRequest { order_id: "x".repeat(65), ..req("1", "r", None) }, PriceProblem::OrderIdTooLong),
        (req("0", "r", None), PriceProblem::NotPositive),
        (req("-5", "r", None), PriceProblem::NotPositive),
        (req("9.999", "r", None), PriceProblem::TooManyDecimals),
        (req("9", "   ", None), PriceProblem::ReasonMissing),
        (req("9", &"理".repeat(201), None), PriceProblem::ReasonTooLong),
        (req("9", "r", Some("-1")), PriceProblem::ExpectedAmountInvalid),
        (req("9", "r", Some("1.001")), PriceProblem::ExpectedAmountInvalid),
        (req("9", "r", Some("120.00")), PriceProblem::StalePrice { current: yuan("100") }),
        (req("120.01", "r", None), PriceProblem::AboveOriginal { original: yuan("120") }),
        (req("100", "r", Some("100.00")), PriceProblem::SameAsCurrent),
    ];
    for (r, want) in cases {
        assert_eq!(first(r.clone()), want, "{r:?}");
    }
    assert!(check_input(&req("9", &"理".repeat(200), None)).is_empty(), "200 characters pass");
    assert!(check_input(&req("9", &format!("  {}  ", "理".repeat(200)), None)).is_empty(), "trimmed");

    let fields = |p: PriceProblem| (p.field(), p.code(), p.http_status());
    assert_eq!(fields(PriceProblem::NotPositive), ("new_amount", codes::PARAM_ERROR, 400));
    assert_eq!(fields(PriceProblem::ReasonTooLong), ("reason", codes::PARAM_ERROR, 400));
    let not_pending = PriceProblem::NotPending { status: status::PAID.into() };
    assert_eq!(fields(not_pending), ("order_id", codes::KOO_ORDER_NOT_PENDING, 400));
    assert_eq!(
        fields(PriceProblem::StalePrice { current: yuan("1") }),
        ("expected_amount", codes::KOO_PRICE_CHANGED, 409)
    );
    assert_eq!(
        fields(PriceProblem::AboveOriginal { original: yuan("1") }),
        ("new_amount", codes::KOO_ABOVE_ORIGINAL, 400)
    );
    assert_eq!(fields(PriceProblem::SameAsCurrent), ("new_amount", codes::KOO_SAME_PRICE, 400));
    assert!(PriceProblem::TooManyDecimals.is_input() && !PriceProblem::SameAsCurrent.is_input());
}

#[test]
fn input_messages_name_the_parameter_as_the_client_reads_it() {
    for p in [
        PriceProblem::OrderIdMissing,
        PriceProblem::NotPositive,
        PriceProblem::TooManyDecimals,
        PriceProblem::ReasonMissing,
        PriceProblem::ReasonTooLong,
        PriceProblem::ExpectedAmountInvalid,
    ] {
        let body = serde_json::json!({"error_code": p.code(), "error_msg": p.message()}).to_string();
        assert_eq!(crate::error::parse_error(400, &body, None).parameter(), Some(p.field()), "{p:?}");
    }
}

#[test]
fn only_a_pending_order_changes_price() {
    for st in [status::PAID, status::CANCELLED, status::CLOSED] {
        let o = order(st, "120", "120");
        assert_eq!(problems(&o, &req("99", "r", None)), [PriceProblem::NotPending { status: st.into() }]);
    }
}

#[test]
fn a_pending_order_lapses_at_its_expire_time() {
    let at = parse_wire("2026-11-25T02:00:00Z");
    let before = parse_wire("2026-11-25T01:59:59Z").unwrap();
    assert_eq!(effective_status(status::PENDING_PAYMENT, at, before), status::PENDING_PAYMENT);
    assert_eq!(effective_status(status::PENDING_PAYMENT, at, at.unwrap()), status::CLOSED);
    assert_eq!(effective_status(status::PENDING_PAYMENT, None, before), status::PENDING_PAYMENT);
    assert_eq!(effective_status(status::PAID, at, at.unwrap()), status::PAID);
}

#[test]
fn percent_from_the_original_price() {
    let pct = |o: &str, n: &str| percent_of_original(yuan(o), yuan(n)).map(percent_text);
    assert_eq!(pct("120.00", "99.00").as_deref(), Some("\u{2212}17.5%"));
    assert_eq!(pct("120", "120").as_deref(), Some("0%"));
    assert_eq!(pct("3", "1").as_deref(), Some("\u{2212}66.7%"));
    assert_eq!(pct("100", "100.05").as_deref(), Some("+0.1%"));
    assert_eq!(pct("0", "1"), None);
    assert_eq!(percent_of_original(yuan("200"), yuan("150")), Some(Decimal::new(-25, 0)));
}

#[test]
fn list_filters_are_checked() {
    let ok = ListMarketplaceOrdersRequest { status: Some(status::PAID.into()), ..Default::default() };
    assert!(ok.check().is_ok());
    let bad = ListMarketplaceOrdersRequest { status: Some("6".into()), ..Default::default() };
    assert_eq!(bad.check().unwrap_err().parameter, "status");
    let bad = ListMarketplaceOrdersRequest { customer_id: Some(String::new()), ..Default::default() };
    assert_eq!(bad.check().unwrap_err().parameter, "customer_id");
    let bad = ListMarketplaceOrdersRequest {
        create_time_begin: Some("2026-11-20T00:00:00Z".into()),
        create_time_end: Some("2026-11-01T00:00:00Z".into()),
        ..Default::default()
    };
    assert_eq!(bad.check().unwrap_err().parameter, "create_time_begin");
    let bad = ListPriceAdjustRecordsRequest { operation_time_end: Some("yesterday".into()), ..Default::default() };
    assert_eq!(bad.check().unwrap_err().parameter, "operation_time_end");
    let q = ListPriceAdjustRecordsRequest { order_id: Some("KGHZ0001".into()), limit: Some(20), ..Default::default() };
    assert_eq!(q.to_query_string(), "order_id=KGHZ0001&limit=20");
    assert_eq!(ListMarketplaceOrdersRequest::from_query(Some("status=PAID&offset=10")).unwrap().offset, Some(10));
}

#[test]
fn wire_shapes_round_trip() {
    let sel = r#"{"selected":false,"since":null,"reason_code":"NOT_SELECTED","contact":{"name":"罗佳","email":"luo.jia@example.com"}}"#;
    let s: Selection = serde_json::from_str(sel).unwrap();
    assert_eq!((s.selected, s.reason_code.as_deref()), (false, Some(reason::NOT_SELECTED)));
    assert_eq!(serde_json::to_string(&s).unwrap(), sel);
    let s: Selection = serde_json::from_str(r#"{"selected":true,"since":"2025-04-01T00:00:00Z"}"#).unwrap();
    assert!(s.selected && s.since.is_some() && s.contact.is_none());

    let o = order(status::PENDING_PAYMENT, "3999.00", "3599.10");
    let text = serde_json::to_string(&MarketplaceOrderList { total_count: 1, orders: vec![o.clone()] }).unwrap();
    assert!(text.contains(r#""original_amount":3999.00,"amount":3599.10"#), "{text}");
    assert!(text.contains(r#""expire_time":"2026-11-25T02:00:00Z","adjusted_times":0,"last_adjusted_time":null"#));
    let back: MarketplaceOrderList = serde_json::from_str(&text).unwrap();
    assert_eq!(back.orders, [o]);

    let body = serde_json::to_string(&req("99.00", "优惠", None)).unwrap();
    assert_eq!(body, r#"{"order_id":"KGHZ0001","new_amount":99.00,"reason":"优惠"}"#);
    let body = serde_json::to_string(&req("99.00", "优惠", Some("120.00"))).unwrap();
    assert!(body.ends_with(r#""expected_amount":120.00}"#), "{body}");
    assert!(serde_json::from_str::<AdjustPriceRequest>(r#"{"order_id":"x","price":1}"#).is_err(), "unknown keys");

    let resp = r#"{"adjust_id":"KA0001","order_id":"KGHZ0001","old_amount":120.00,"new_amount":99.00,"currency":"CNY","measure_id":1,"operation_time":"2026-11-20T01:00:00Z"}"#;
    let r: AdjustPriceResponse = serde_json::from_str(resp).unwrap();
    assert_eq!(serde_json::to_string(&r).unwrap(), resp);

    let rec = PriceAdjustRecord {
        adjust_id: "KA0001".into(),
        order_id: "KGHZ0001".into(),
        customer_id: "c1".into(),
        customer_name: "x".into(),
        product_name: "云速建站 标准版".into(),
        old_amount: yuan("120.00"),
        new_amount: yuan("99.00"),
        currency: "CNY".into(),
        measure_id: 1,
        reason: "优惠".into(),
        operator: "li.na".into(),
        operator_name: "李娜".into(),
        operation_time: parse_wire("2026-11-20T01:00:00Z").unwrap(),
    };
    let list = PriceAdjustRecordList { total_count: 1, records: vec![rec] };
    let back: PriceAdjustRecordList = serde_json::from_str(&serde_json::to_string(&list).unwrap()).unwrap();
    assert_eq!(back, list);
}
