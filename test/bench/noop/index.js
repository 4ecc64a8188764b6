/** The no-op worker: reads the request body and answers as the write path does, 202 with a fixed JSON body. */
export default {
  fetch: async (request) => {
    await request.arrayBuffer();
    return Response.json({ accepted: 20, rejected: [] }, { status: 202 });
  },
};
