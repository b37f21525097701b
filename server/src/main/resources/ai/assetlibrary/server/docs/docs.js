// Renders /openapi.json with Swagger UI. "Try it out" calls the server that served this page,
// whatever host and port it runs on.
window.addEventListener('load', async () => {
  const spec = await (await fetch('/openapi.json')).json();
  spec.servers = [{ url: window.location.origin, description: 'This server' }];
  window.ui = SwaggerUIBundle({
    spec,
    dom_id: '#swagger-ui',
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
  });
});
