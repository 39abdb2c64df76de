'use strict'
// Test-only DynamoDB-compatible server: dynalite 4.0.0 in memory on 127.0.0.1, plus the two
// features the adapter uses that dynalite lacks (see adapter-dynamodb/README.md):
//   * TransactWriteItems with Put, Delete and ConditionCheck on one table, all items locked
//     together, every condition checked before anything is written;
//   * ReturnValuesOnConditionCheckFailure=ALL_OLD on PutItem, UpdateItem and DeleteItem.
// Usage: node server.js [port]   (0 or nothing = a free port). Prints "dynalite listening on <port>"
// once it accepts connections, and exits when its standard input closes (the parent is gone).

const db = require('dynalite/db')
const validations = require('dynalite/validations')

let store
const createStore = db.create
db.create = function (options) {
  store = createStore(options)
  return store
}

const RETURN_ON_FAILURE = { type: 'String', enum: [ 'ALL_OLD', 'NONE' ] }
const OPERATIONS = { Put: 'putItem', Delete: 'deleteItem', ConditionCheck: 'deleteItem' }
for (const op of [ 'putItem', 'updateItem', 'deleteItem' ]) {
  require('dynalite/validations/' + op).types.ReturnValuesOnConditionCheckFailure = RETURN_ON_FAILURE
}

const checkConditional = db.checkConditional
db.checkConditional = function (data, existingItem) {
  const err = checkConditional(data, existingItem)
  if (err && existingItem && data.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') err.body.Item = existingItem
  return err
}

const dynalite = require('dynalite')

function send (res, status, body) {
  const json = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/x-amz-json-1.0')
  res.setHeader('Content-Length', Buffer.byteLength(json, 'utf8'))
  res.setHeader('x-amzn-RequestId', 'test-' + Date.now())
  res.end(json)
}

function validationError (message) {
  return { status: 400, body: { __type: 'com.amazon.coral.validate#ValidationException', message } }
}

function parseItem (entry) {
  const kinds = Object.keys(entry || {})
  if (kinds.length !== 1 || !OPERATIONS[kinds[0]]) {
    throw validationError('This test server supports only Put, Delete and ConditionCheck in a transaction')
  }
  const kind = kinds[0]
  const spec = require('dynalite/validations/' + OPERATIONS[kind])
  const data = validations.checkTypes(Object.assign({}, entry[kind]), spec.types)
  if (kind === 'ConditionCheck' && !data.ConditionExpression) {
    throw validationError('ConditionCheck needs a ConditionExpression')
  }
  try {
    validations.checkValidations(data, spec.types, spec.custom, store)
  }
  catch (err) {
    if (err.statusCode) throw { status: err.statusCode, body: err.body }
    throw err
  }
  return { kind, data }
}

function cancelled (reasons) {
  const codes = reasons.map(r => r.Code).join(', ')
  return {
    status: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [' + codes + ']',
      CancellationReasons: reasons,
    },
  }
}

function getAll (itemDb, keys, cb) {
  const found = new Array(keys.length)
  let pending = keys.length, failed = false
  keys.forEach((key, i) => itemDb.get(key, (err, item) => {
    if (failed) return
    if (err && err.name !== 'NotFoundError') { failed = true; return cb(err) }
    found[i] = item
    if (--pending === 0) cb(null, found)
  }))
}

function apply (table, itemDb, ops, keys, existing, cb) {
  let i = 0
  const next = (err) => {
    if (err) return cb(err)
    if (i === ops.length) return cb(null)
    const at = i++, op = ops[at]
    if (op.kind === 'Put') {
      return db.updateIndexes(store, table, existing[at], op.data.Item, e => e ? cb(e) : itemDb.put(keys[at], op.data.Item, next))
    }
    if (op.kind === 'Delete' && existing[at]) {
      return db.updateIndexes(store, table, existing[at], null, e => e ? cb(e) : itemDb.del(keys[at], next))
    }
    next()
  }
  next()
}

function transactWriteItems (data, done) {
  const entries = data.TransactItems
  if (!Array.isArray(entries) || entries.length < 1 || entries.length > 100) {
    return done(validationError('TransactItems must have between 1 and 100 items'))
  }
  let ops
  try {
    ops = entries.map(parseItem)
  }
  catch (err) {
    if (err.status) return done(err)
    throw err
  }
  const tableName = ops[0].data.TableName
  if (ops.some(op => op.data.TableName !== tableName)) {
    return done(validationError('This test server supports transactions on one table only'))
  }
  store.getTable(tableName, (err, table) => {
    if (err) return done(err.statusCode ? { status: err.statusCode, body: err.body } : err)
    const keys = []
    for (const op of ops) {
      const item = op.data.Item || op.data.Key
      const invalid = op.kind === 'Put' ? db.validateItem(item, table) : db.validateKey(item, table)
      if (invalid) return done({ status: invalid.statusCode, body: invalid.body })
      keys.push(db.createKey(item, table))
    }
    if (new Set(keys).size !== keys.length) {
      return done(validationError('Transaction request cannot include multiple operations on one item'))
    }
    const itemDb = store.getItemDb(tableName)
    itemDb.lock(keys, release => {
      const finish = release(done)
      getAll(itemDb, keys, (err, existing) => {
        if (err) return finish(err)
        const reasons = ops.map((op, i) => {
          if (db.checkConditional(op.data, existing[i]) == null) return { Code: 'None' }
          const reason = { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
          if (existing[i] && op.data.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') reason.Item = existing[i]
          return reason
        })
        if (reasons.some(r => r.Code !== 'None')) return finish(cancelled(reasons))
        apply(table, itemDb, ops, keys, existing, err => finish(err, {}))
      })
    })
  })
}

function handleTransaction (req, res) {
  const chunks = []
  req.on('data', chunk => chunks.push(chunk))
  req.on('end', () => {
    let data
    try {
      data = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    }
    catch {
      return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' })
    }
    transactWriteItems(data, (err, result) => {
      if (err && err.status) return send(res, err.status, err.body)
      if (err) return send(res, 500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(err) })
      send(res, 200, result)
    })
  })
}

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
const handlers = server.listeners('request').slice()
server.removeAllListeners('request')
server.on('request', (req, res) => {
  if (req.method === 'POST' && req.headers['x-amz-target'] === 'DynamoDB_20120810.TransactWriteItems') {
    return handleTransaction(req, res)
  }
  handlers.forEach(handler => handler.call(server, req, res))
})

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log('dynalite listening on ' + server.address().port)
})

process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
