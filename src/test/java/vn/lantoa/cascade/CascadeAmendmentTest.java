package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.shared.Problem;

/**
 * Sửa đổi kế hoạch đã ban hành: a new revision updates the units' tasks. Changed text and dues are updated in place,
 * done tasks stay done, removed tasks are cancelled ("đã hủy theo văn bản sửa đổi", a done one keeps its done
 * status), new tasks and newly assigned units get theirs, a unit no longer assigned leaves the cascade; a redelivered
 * event changes nothing.
 */
@SpringBootTest
class CascadeAmendmentTest {

    static final String PLAN = """
            {
              "format": "lantoa.plan/1",
              "document": {
                "kind": "KH", "number": "88", "symbol": "88-KH/TU", "system": "party", "issuedOn": "2025-01-02",
                "issuer": "Ban Thường vụ Tỉnh ủy", "title": "tuyên truyền TOKEN",
                "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" }
              },
              "events": [], "phases": [], "channels": [], "themes": [], "slogans": [],
              "assignments": ASSIGNMENTS,
              "recipients": [ "Lưu Văn phòng" ]
            }
            """;

    static final String FIRST = """
            [ { "unit": "CITY", "role": "lead",
                "tasks": [ { "text": "Xây dựng kế hoạch tuyên truyền", "due": { "date": "2025-01-10" }, "kind": "plan" },
                           { "text": "Treo băng rôn tại trụ sở", "due": { "date": "2025-02-01" }, "kind": "activity" },
                           { "text": "Tổ chức tọa đàm", "due": { "date": "2025-03-01" }, "kind": "activity" },
                           { "text": "Viết bài trên trang thông tin", "due": { "date": "2025-03-05" },
                             "kind": "activity" } ] },
              { "unit": "FRONT", "role": "requested",
                "tasks": [ { "text": "Phối hợp tuyên truyền", "due": { "date": "2025-02-15" }, "kind": "coordinate" } ] } ]
            """;

    /** The tọa đàm and the article are dropped, the plan task rewritten, the banner moved, a contest added; the front
     * is no longer asked and the own unit is. */
    static final String AMENDED = """
            [ { "unit": "OWN", "role": "lead",
                "tasks": [ { "text": "Xây dựng kế hoạch thực hiện", "due": { "date": "2025-02-20" }, "kind": "plan" } ] },
              { "unit": "CITY", "role": "lead",
                "tasks": [ { "text": "Xây dựng và ban hành kế hoạch tuyên truyền", "due": { "date": "2025-01-20" },
                             "kind": "plan" },
                           { "text": "Tổ chức cuộc thi tìm hiểu", "due": { "date": "2025-04-01" }, "kind": "activity" },
                           { "text": "Treo băng rôn tại trụ sở", "due": { "date": "2025-02-10" }, "kind": "activity" } ] } ]
            """;

    @Autowired
    UnitManagement unitManagement;
    @Autowired
    PlanManagement plans;
    @Autowired
    TaskManagement tasks;
    @Autowired
    CascadeView view;
    @Autowired
    CascadeIssuing issuing;
    @Autowired
    TransactionTemplate tx;

    PlanFixture tree;

    @BeforeEach
    void tree() {
        tree = new PlanFixture(unitManagement);
    }

    String plan(String assignments) {
        return PLAN.replace("TOKEN", tree.token).replace("ASSIGNMENTS", assignments)
                .replace("CITY", tree.city.name()).replace("FRONT", tree.front.name()).replace("OWN", tree.own.name());
    }

    @Test
    void anAmendmentUpdatesCancelsAndAddsTasks() {
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        CurrentUser frontOfficer = PlanFixture.user(tree.front, Role.OFFICER);
        CurrentUser ownOfficer = PlanFixture.user(tree.own, Role.OFFICER);
        StoredPlan plan = plans.create(provinceOfficer, PlanInput.parse(plan(FIRST)));
        StoredPlan issued = plans.issue(provinceOfficer, plan.id(), null);
        Map<String, UnitTask> city = byText(tasks.forUnit(cityOfficer, tree.city.id()));
        assertThat(city).hasSize(4);
        tasks.markDone(cityOfficer, city.get("Treo băng rôn tại trụ sở").id(), "Đã treo");
        tasks.markDone(cityOfficer, city.get("Viết bài trên trang thông tin").id(), "Đã đăng 2 bài");
        assertThat(view.level(provinceOfficer, plan.id(), null, null, 0).children())
                .extracting(CascadeNode::unitId, CascadeNode::state).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(tree.city.id(), CascadeState.MISSING),
                        org.assertj.core.groups.Tuple.tuple(tree.front.id(), CascadeState.NOT_ASKED));

        plans.amend(provinceOfficer, plan.id(), PlanInput.parse(plan(AMENDED)), "Sửa đổi lần 1", issued.version());

        Map<String, UnitTask> after = byText(tasks.forUnit(cityOfficer, tree.city.id()));
        assertThat(after).containsOnlyKeys("Xây dựng và ban hành kế hoạch tuyên truyền", "Tổ chức cuộc thi tìm hiểu",
                "Treo băng rôn tại trụ sở", "Tổ chức tọa đàm", "Viết bài trên trang thông tin");
        // the plan task: the same task (same id), its new text and due
        UnitTask planTask = after.get("Xây dựng và ban hành kế hoạch tuyên truyền");
        assertThat(planTask.id()).isEqualTo(city.get("Xây dựng kế hoạch tuyên truyền").id());
        assertThat(planTask.dueOn()).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(planTask.status()).isEqualTo("OPEN");
        // done stays done, with its new due
        UnitTask banner = after.get("Treo băng rôn tại trụ sở");
        assertThat(banner.id()).isEqualTo(city.get("Treo băng rôn tại trụ sở").id());
        assertThat(banner.status()).isEqualTo("DONE");
        assertThat(banner.doneNote()).isEqualTo("Đã treo");
        assertThat(banner.dueOn()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(banner.cancelledAt()).isNull();
        // removed: the open one cancelled, the done one still done and marked cancelled; both still listed
        UnitTask talk = after.get("Tổ chức tọa đàm");
        assertThat(talk.status()).isEqualTo("CANCELLED");
        assertThat(talk.timing()).isEqualTo("CANCELLED");
        assertThat(talk.cancelledAt()).isNotNull();
        UnitTask article = after.get("Viết bài trên trang thông tin");
        assertThat(article.status()).isEqualTo("DONE");
        assertThat(article.cancelledAt()).isNotNull();
        // new
        assertThat(after.get("Tổ chức cuộc thi tìm hiểu").status()).isEqualTo("OPEN");
        assertThat(after.get("Tổ chức cuộc thi tìm hiểu").dueOn()).isEqualTo(LocalDate.of(2025, 4, 1));
        // a cancelled task cannot be marked done
        assertThatThrownBy(() -> tasks.markDone(cityOfficer, talk.id(), "x")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("TASK_CANCELLED"));

        // the front is no longer asked: its task cancelled, it leaves the cascade; the own unit is asked
        assertThat(tasks.forUnit(frontOfficer, tree.front.id())).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("CANCELLED"));
        assertThat(tasks.forUnit(ownOfficer, tree.own.id())).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("PLAN");
            assertThat(t.dueOn()).isEqualTo(LocalDate.of(2025, 2, 20));
            assertThat(t.status()).isEqualTo("OPEN");
        });
        CascadeLevel top = view.level(provinceOfficer, plan.id(), null, null, 0);
        assertThat(top.children()).extracting(CascadeNode::unitId, CascadeNode::state, CascadeNode::dueOn)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(tree.city.id(), CascadeState.MISSING,
                                LocalDate.of(2025, 1, 20)),
                        org.assertj.core.groups.Tuple.tuple(tree.own.id(), CascadeState.MISSING,
                                LocalDate.of(2025, 2, 20)));
        assertThat(top.levels().get(0).missing()).isEqualTo(2);
        assertThat(top.levels().get(0).notAsked()).isZero();

        // the same event again changes nothing
        StoredPlan current = plans.issued(plan.id()).orElseThrow();
        int again = tx.execute(s -> issuing.issued(new PlanIssued(plan.id(), current.revision(), tree.province.id(),
                "88-KH/TU", LocalDate.of(2025, 1, 2), Instant.now(), List.of(), List.of())));
        assertThat(again).isZero();
        assertThat(byText(tasks.forUnit(cityOfficer, tree.city.id()))).hasSize(5);
    }

    private static Map<String, UnitTask> byText(List<UnitTask> list) {
        return list.stream().collect(Collectors.toMap(UnitTask::text, Function.identity()));
    }
}
