"""compare.sh's untimed setup against its own dev Glance, with one keep-alive connection per thread.

    glance_api.py URL TOKEN create NAME             -> prints the new (queued, raw/bare) image's id
    glance_api.py URL TOKEN delete ID
    glance_api.py URL TOKEN bulk-create COUNT PREFIX -> creates COUNT metadata-only images (8 connections)
    glance_api.py URL TOKEN pages LIMIT             -> prints the absolute URL of every page of GET /v2/images?limit=LIMIT
    glance_api.py URL TOKEN field ID FIELD          -> prints one field of the image record

Run with /usr/bin/python3 (standard library only). Exits 1 with a message naming the request on any HTTP error.
"""
import http.client
import json
import sys
import threading
import urllib.parse


class Glance:
    def __init__(self, url, token):
        parts = urllib.parse.urlsplit(url)
        self.base = url.rstrip('/')
        self.host, self.port = parts.hostname, parts.port or 80
        self.token = token
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=300)

    def request(self, method, path, body=None, expect=(200,)):
        headers = {'X-Auth-Token': self.token, 'Accept': 'application/json'}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers['Content-Type'] = 'application/json'
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        payload = response.read()
        if response.status not in expect:
            raise SystemExit(f'glance_api.py: {method} {self.base}{path} answered {response.status}: {payload[:300]!r}')
        return json.loads(payload) if payload else None

    def create(self, name):
        return self.request('POST', '/v2/images',
                            {'name': name, 'disk_format': 'raw', 'container_format': 'bare'}, expect=(201,))['id']


def bulk_create(url, token, count, prefix, threads=8):
    errors = []

    def work(indexes):
        try:
            glance = Glance(url, token)
            for i in indexes:
                glance.create(f'{prefix}-{i:05d}')
        except BaseException as e:  # reported below; a thread's exception would otherwise only be printed
            errors.append(e)

    workers = [threading.Thread(target=work, args=(range(t, count, threads),)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if errors:
        raise SystemExit(str(errors[0]))


def main(argv):
    url, token, op, *args = argv
    glance = Glance(url, token)
    if op == 'create':
        print(glance.create(args[0]))
    elif op == 'delete':
        glance.request('DELETE', f'/v2/images/{args[0]}', expect=(204,))
    elif op == 'bulk-create':
        bulk_create(url, token, int(args[0]), args[1])
    elif op == 'pages':
        path = f'/v2/images?limit={int(args[0])}'
        while path:
            print(glance.base + path)
            path = glance.request('GET', path).get('next')
    elif op == 'field':
        print(glance.request('GET', f'/v2/images/{args[0]}')[args[1]])
    else:
        raise SystemExit(f'glance_api.py: unknown operation {op!r}')


if __name__ == '__main__':
    main(sys.argv[1:])
