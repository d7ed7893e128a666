use super::*;
use crate::error::parse_error;
use crate::money::AmountProblem;
use crate::time::parse_wire;

fn t(s: &str) -> Instant {
    parse_wire(s).unwrap()
}

fn yuan(s: &str) -> Amount {
    Amount::parse(s).unwrap()
}

fn row(id: &str, amount: &str, direction: Direction) -> Row {
    Row { customer_id: id.into(), amount: yuan(amount), direction }
}

fn record(id: &str, op: &str, amount: &str, at: &str, trans_id: &str) -> AdjustRecord {
    AdjustRecord {
        customer_id: id.into(),
        customer_name: None,
        operation_type: op.into(),
        amount: yuan(amount),
        currency: "CNY".into(),
        apply_scene: None,
        operation_time: t(at),
        measure_id: 1,
        trans_id: trans_id.into(),
        memo: None,
    }
}

fn send(p: &mut Plan, now: &str) -> (usize, Call) {
    match p.next(t(now)) {
        Next::Send { index, call } => (index, call),
        other => panic!("expected Send, got {other:?}"),
    }
}

const ALLOC: &str = crate::accounts::operation_type::ALLOCATE;
const RECL: &str = crate::accounts::operation_type::RECLAIM;

// ---- parse ----

#[test]
fn parses_pasted_tabs_csv_and_spaces_with_a_header_and_directions() {
    let text = "\u{feff}客户ID\t金额\t方向\nAbC1\t1,000.50\t拨款\n\n c2 \t¥20\treclaim\n";
    let p = parse_rows(text, Direction::Allocate);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.rows, vec![row("abc1", "1000.50", Direction::Allocate), row("c2", "20", Direction::Reclaim)]);
    assert_eq!(p.lines, vec![2, 4]);
    let csv = "c1,\"1,234.00\"\nc2;5\nc3 6 -\nc4，7";
    let p = parse_rows(csv, Direction::Reclaim);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let amounts: Vec<String> = p.rows.iter().map(|r| r.amount.to_string()).collect();
    assert_eq!(amounts, ["1234.00", "5", "6", "7"]);
    assert!(p.rows.iter().all(|r| r.direction == Direction::Reclaim));
    assert_eq!(cells("a,\"x \"\"y\"\"\",b"), ["a", "x \"y\"", "b"]);
}

#[test]
fn every_bad_line_is_reported_with_its_number() {
    let text = "c1,10\n,5\nc2,abc\nc3,0\nc4,1.234\nc5\nc6,5,sideways\nC1,20\nc7,-1";
    let p = parse_rows(text, Direction::Allocate);
    assert_eq!(p.rows.len(), 1);
    let got: Vec<(usize, RowProblem)> = p.problems.iter().map(|l| (l.line, l.problem.clone())).collect();
    assert_eq!(
        got,
        vec![
            (2, RowProblem::EmptyId),
            (3, RowProblem::BadAmount(AmountProblem::NotANumber)),
            (4, RowProblem::BadAmount(AmountProblem::NotPositive)),
            (5, RowProblem::BadAmount(AmountProblem::TooManyDecimals)),
            (6, RowProblem::MissingAmount),
            (7, RowProblem::BadDirection),
            (8, RowProblem::Duplicate { first_line: 1 }),
            (9, RowProblem::BadAmount(AmountProblem::NotPositive)),
        ]
    );
    assert_eq!(p.problems[6].text, "C1,20");
    let long = format!("{},1", "a".repeat(65));
    assert_eq!(parse_rows(&long, Direction::Allocate).problems[0].problem, RowProblem::IdTooLong);
}

#[test]
fn at_most_500_rows() {
    let text: String = (0..502).map(|i| format!("c{i},1\n")).collect();
    let p = parse_rows(&text, Direction::Allocate);
    assert_eq!(p.rows.len(), MAX_ROWS);
    let lines: Vec<usize> = p.problems.iter().map(|l| l.line).collect();
    assert_eq!(lines, [501, 502]);
    assert!(p.problems.iter().all(|l| l.problem == RowProblem::TooManyRows));
}

// ---- plan ----

fn plan() -> Plan {
    let rows = vec![
        row("c1", "100.00", Direction::Allocate),
        row("c2", "50.00", Direction::Reclaim),
        row("c1", "1.00", Direction::Allocate),
    ];
    Plan::new("p1".into(), rows, Some("r1".into()))
}

#[test]
fn one_call_per_row_in_order_and_nothing_while_one_is_in_flight() {
    let mut p = plan();
    assert_eq!(p.tally().total, 2, "a customer given twice keeps its first row");
    assert_eq!((p.total(Direction::Allocate), p.total(Direction::Reclaim)), (yuan("100"), yuan("50")));
    let (i, call) = send(&mut p, "2026-11-20T01:00:00Z");
    let expect = UpdateCustomerAccountAmountRequest {
        customer_id: "c1".into(),
        amount: yuan("100.00"),
        indirect_partner_id: Some("r1".into()),
    };
    assert_eq!((i, call), (0, Call::Allocate(expect)));
    assert_eq!(p.next(t("2026-11-20T01:00:01Z")), Next::Wait);
    p.settle(0, "TR1");
    let (i, call) = send(&mut p, "2026-11-20T01:00:02Z");
    assert!(matches!((i, call), (1, Call::Reclaim(r)) if r.customer_id == "c2" && r.amount == yuan("50")));
    p.fail(1, &parse_error(400, r#"{"error_code":"CBC.99000047","error_msg":"referral"}"#, None));
    assert_eq!(p.next(t("2026-11-20T01:00:03Z")), Next::Finished);
    let tally = p.tally();
    assert_eq!((tally.done, tally.failed, tally.unknown), (1, 1, 0));
    assert_eq!(p.items[0].state, ItemState::Done { trans_id: "TR1".into() });
    // A referral customer stays one: not retried.
    assert_eq!(p.retry_failed(), 0);
}

#[test]
fn an_ambiguous_outcome_is_reconciled_before_anything_is_sent() {
    let mut p = plan();
    send(&mut p, "2026-11-20T01:00:00Z");
    p.fail(0, &ApiError::timeout());
    assert!(matches!(p.items[0].state, ItemState::Unknown { .. }));
    let Next::Reconcile { index, query } = p.next(t("2026-11-20T01:00:30Z")) else { panic!("reconcile first") };
    assert_eq!(index, 0);
    assert_eq!(
        query.to_query_string(),
        "customer_id=c1&operation_type=SOURCE_OPERATION_BEADJUST&operation_time_begin=2026-11-20T00%3A59%3A00Z\
         &limit=100&indirect_partner_id=r1"
    );
    assert!(query.check().is_ok());
    // A 5xx or a cut connection is ambiguous too; a 429 or 401 moved nothing.
    for (e, unknown) in [
        (parse_error(500, r#"{"error_code":"CBC.0999","error_msg":"x"}"#, None), true),
        (ApiError::network("reset"), true),
        (parse_error(429, r#"{"error_code":"CBC.0250","error_msg":"x"}"#, None), false),
        (parse_error(401, r#"{"error_code":"CBC.0154","error_msg":"x"}"#, None), false),
    ] {
        let mut q = plan();
        send(&mut q, "2026-11-20T01:00:00Z");
        q.fail(0, &e);
        assert_eq!(matches!(q.items[0].state, ItemState::Unknown { .. }), unknown, "{e:?}");
    }
}

#[test]
fn the_answer_was_lost_but_a3_shows_it_mark_done_do_not_resend() {
    let mut p = plan();
    send(&mut p, "2026-11-20T01:00:00Z");
    p.fail(0, &ApiError::network("connection cut after the headers"));
    let records = [
        // Before the attempt (less the margin): someone else's earlier allocation.
        record("c1", ALLOC, "100.00", "2026-11-20T00:58:59Z", "TR0"),
        // The other direction, another amount, another customer: not this row's.
        record("c1", RECL, "100.00", "2026-11-20T01:00:00Z", "RE1"),
        record("c1", ALLOC, "99.00", "2026-11-20T01:00:00Z", "TR2"),
        record("c9", ALLOC, "100.00", "2026-11-20T01:00:00Z", "TR3"),
        // The lost one (A3 writes the amount as "100.00"; the clocks differ by a few seconds).
        record("C1", ALLOC, "100", "2026-11-20T00:59:58Z", "TR4"),
    ];
    p.reconcile(0, &records);
    assert_eq!(p.items[0].state, ItemState::Done { trans_id: "TR4".into() });
    assert!(p.items[0].extra.is_empty());
    assert_eq!(p.items[0].attempts, 1);
    // The next call is the next row, never c1 again.
    let (i, _) = send(&mut p, "2026-11-20T01:01:00Z");
    assert_eq!(i, 1);
}

#[test]
fn a3_does_not_show_it_safe_to_resend_and_a_later_record_is_still_found() {
    let mut p = plan();
    send(&mut p, "2026-11-20T01:00:00Z");
    p.fail(0, &ApiError::timeout());
    p.reconcile(0, &[record("c1", ALLOC, "100.00", "2026-11-20T00:10:00Z", "TR0")]);
    assert_eq!(p.items[0].state, ItemState::Pending);
    let (i, call) = send(&mut p, "2026-11-20T01:02:00Z");
    assert!(matches!((i, call), (0, Call::Allocate(_))));
    assert_eq!((p.items[0].attempts, p.items[0].first_attempt), (2, Some(t("2026-11-20T01:00:00Z"))));
    // Lost again; this time both attempts went through (the first one late): one is kept,
    // the other reported for a person, and the query still starts at the first attempt.
    p.fail(0, &ApiError::timeout());
    let Next::Reconcile { query, .. } = p.next(t("2026-11-20T01:03:00Z")) else { panic!() };
    assert_eq!(query.operation_time_begin.as_deref(), Some("2026-11-20T00:59:00Z"));
    p.reconcile(
        0,
        &[
            record("c1", ALLOC, "100.00", "2026-11-20T01:02:01Z", "TR6"),
            record("c1", ALLOC, "100.00", "2026-11-20T01:01:30Z", "TR5"),
        ],
    );
    assert_eq!(p.items[0].state, ItemState::Done { trans_id: "TR5".into() });
    assert_eq!(p.items[0].extra, ["TR6"]);
}

#[test]
fn a_record_another_row_claimed_is_not_reused_and_reload_reconciles() {
    let mut p =
        Plan::new("p".into(), vec![row("c1", "10", Direction::Allocate), row("c2", "10", Direction::Allocate)], None);
    send(&mut p, "2026-11-20T01:00:00Z");
    p.settle(0, "TR1");
    send(&mut p, "2026-11-20T01:00:05Z");
    // The tab is closed mid-call; the saved plan is reloaded.
    let mut p: Plan = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    p.resume();
    assert!(matches!(p.next(t("2026-11-20T02:00:00Z")), Next::Reconcile { index: 1, .. }));
    // A record with a claimed trans id does not count, whatever it says.
    p.reconcile(1, &[record("c2", ALLOC, "10", "2026-11-20T01:00:05Z", "TR1")]);
    assert_eq!(p.items[1].state, ItemState::Pending);
    // Reconciling a row that is not unknown changes nothing.
    p.reconcile(0, &[]);
    assert_eq!(p.items[0].state, ItemState::Done { trans_id: "TR1".into() });
}

#[test]
fn retry_failed_only_retries_what_may_pass_now() {
    let mut p = plan();
    send(&mut p, "2026-11-20T01:00:00Z");
    p.fail(0, &parse_error(400, r#"{"error_code":"CBC.99005003","error_msg":"insufficient"}"#, None));
    send(&mut p, "2026-11-20T01:00:01Z");
    p.settle(1, "RE1");
    assert_eq!(p.retry_failed(), 1);
    assert_eq!((p.items[0].state.clone(), p.tally().done), (ItemState::Pending, 1));
}
