package vn.lantoa.shell;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api/v1/openapi.json} (browsable at {@code /api/v1/docs}). It is public on
 * purpose: it describes the endpoints and holds no data; every endpoint it lists needs a logged-in user.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI lanToaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Lan Tỏa API").version("v1")
                        .description("API của Lan Tỏa: tổ chức, người dùng, kế hoạch và báo cáo. Mọi lỗi trả về dạng "
                                + "application/problem+json với mã lỗi ổn định (code) và thông báo tiếng Việt (detail).")
                        .license(new License().name("Mã nguồn mở")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("LANTOA")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
