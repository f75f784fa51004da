// Starts Swagger UI (from the swagger-ui-bundle package) on this server's OpenAPI schema.
// A file of its own rather than an inline script, so the Content-Security-Policy stays strict;
// no validator badge, which would call a server on the internet.
"use strict";

window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
    deepLinking: true, presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout"
  });
});
