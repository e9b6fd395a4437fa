package vn.lantoa.organization.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.lantoa.organization.UnitManagement;

/**
 * On the first start with an empty database and {@code lantoa.demo.enabled=true}, loads the demo organization: the
 * units named in the four seed plans, with the levels above and below each issuer (Tỉnh ủy Ninh Thuận → Thành ủy
 * Phan Rang - Tháp Chàm → its boards, UBND, Front, mass organizations, wards; Thành ủy Hải Phòng → phường An Dương
 * with its offices, police, Front, schools, residential groups; Tỉnh ủy Bình Dương → Thành ủy and UBND thành phố Tân
 * Uyên with its offices and wards; Tỉnh ủy Yên Bái → Đảng ủy Khối cơ quan và doanh nghiệp → its Party organizations).
 * The data is {@code organization/demo-units.csv}, loaded by the same bulk loader as an administrator's file.
 *
 * <p>Order 10: the account module's demo users (order 20) find their units by short name.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "lantoa.demo.enabled", havingValue = "true")
class DemoOrganization implements ApplicationRunner {

    static final String FILE = "organization/demo-units.csv";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final UnitManagement management;

    DemoOrganization(UnitManagement management) {
        this.management = management;
    }

    @Override
    public void run(ApplicationArguments args) {
        management.loadIntoEmptyTree(FILE, content()).ifPresent(
                result -> log.info("Loaded the demo organization: {} units from {}", result.created(), FILE));
    }

    static byte[] content() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
