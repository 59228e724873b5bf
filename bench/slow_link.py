"""A TCP proxy on 127.0.0.1 that holds every chunk for a fixed delay each way: a slow link between a
department's PC and the ward's server, for the benchmarks (no tc/netem, which needs privileges and
would slow every other process on the machine).

    with SlowLink(server_port, one_way_ms=10) as link:
        uri = f"postgresql://…@127.0.0.1:{link.port}/…"   # 20 ms round trip"""
import asyncio
import threading
import time


class SlowLink:
    def __init__(self, target_port, one_way_ms):
        self.target_port = target_port
        self.delay = one_way_ms / 1000
        self.port = None
        self._loop = None

    async def _forward(self, reader, writer):
        # Chunks keep their order; each leaves `delay` after it arrived (latency, not bandwidth).
        queue = asyncio.Queue()

        async def send():
            while True:
                due, data = await queue.get()
                await asyncio.sleep(max(0.0, due - time.monotonic()))
                if not data:
                    writer.close()
                    return
                writer.write(data)
                await writer.drain()

        sender = asyncio.ensure_future(send())
        while True:
            data = await reader.read(65536)
            await queue.put((time.monotonic() + self.delay, data))
            if not data:
                break
        await sender

    async def _connection(self, client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        await asyncio.gather(self._forward(client_reader, server_writer), self._forward(server_reader, client_writer),
                             return_exceptions=True)

    def _run(self, ready):
        self._loop = asyncio.new_event_loop()
        server = self._loop.run_until_complete(asyncio.start_server(self._connection, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        ready.set()
        self._loop.run_forever()

    def __enter__(self):
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()
        return self

    def __exit__(self, *exc):
        self._loop.call_soon_threadsafe(self._loop.stop)
