/** The HTTP floor: Fastify answering an empty route, nothing else. */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/empty', async () => ({}));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
